-- allImages without an order lists a customer's images by id across all its spaces
-- (ImageListings: order by IMAGE_ID, IMAGE_KEY). Without this index the database reads and sorts
-- every image of the customer for each page: 10 ms for 10,000 images in src/benchmark/scale.sh,
-- and growing with the customer; with it, a page reads only its own rows.
CREATE INDEX IF NOT EXISTS IMAGE_CUSTOMER_ID ON IMAGE (CUSTOMER, IMAGE_ID, IMAGE_KEY);
