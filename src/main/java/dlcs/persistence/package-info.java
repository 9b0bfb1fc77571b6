/**
 * What every entity shares: type converters. The persistence unit (META-INF/persistence.xml)
 * lists each entity by name, because class scanning finds nothing on WildFly.
 */
package dlcs.persistence;
