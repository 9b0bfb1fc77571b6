/**
 * What every entity shares: type converters, and the clock that stamps times as the database
 * keeps them. The persistence unit (META-INF/persistence.xml)
 * lists each entity by name, because class scanning finds nothing on WildFly.
 */
package dlcs.persistence;
