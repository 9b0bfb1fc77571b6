package dlcs.logging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Values a client chose become one token that cannot start a line or a key of its own. */
class LogValuesTest {

    @Test
    void plainAsciiStaysAsItIs() {
        assertEquals("/iiif-img/2/1/a_b-c.d~e/0,0,256,256/^!256,256/0/default.jpg",
                LogValues.token("/iiif-img/2/1/a_b-c.d~e/0,0,256,256/^!256,256/0/default.jpg", 1024));
    }

    @Test
    void spacesQuotesBackslashesAndControlCharactersArePercentEncoded() {
        assertEquals("a%20b%22c%5Cd%0D%0Ae%09f%7F", LogValues.token("a b\"c\\d\r\ne\tf\u007f", 100));
    }

    @Test
    void otherCharactersAreTheirUtf8Bytes() {
        assertEquals("caf%C3%A9%F0%9F%99%82", LogValues.token("café\uD83D\uDE42", 100));
        assertEquals("%3F", LogValues.token("\uD83D", 100));
    }

    @Test
    void aLongValueIsCutAndSaysSo() {
        assertEquals("abc...", LogValues.token("abcdef", 3));
    }

    @Test
    void nothingIsADash() {
        assertEquals("-", LogValues.token(null, 10));
        assertEquals("-", LogValues.token("", 10));
    }
}
