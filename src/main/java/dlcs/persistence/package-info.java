/**
 * What every entity shares: type converters, the clock that stamps times as the database keeps
 * them, and the schema. The persistence unit (META-INF/persistence.xml) lists each entity by
 * name, because class scanning finds nothing on WildFly; it generates no DDL: Flyway's migrations
 * (db/migration) make and change the schema on H2 and PostgreSQL alike, run by
 * {@link dlcs.persistence.SchemaMigration} before anything else uses the database.
 */
package dlcs.persistence;
