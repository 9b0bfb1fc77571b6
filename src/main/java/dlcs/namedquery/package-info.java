/**
 * Named queries, as the DLCS has them: a customer's (or a global) name for a selection of its
 * images, written as a template ({@code space=p1&s1=p2&canvas=n1}) whose {@code pN} come from
 * the path of a public URL. The API keeps them ({@code /customers/{c}/namedQueries}); this
 * feature also runs them for the manifests of {@code /iiif-resource}, implementing
 * {@link dlcs.presentation.control.ImageSelections} so that presentation imports nothing of it.
 * A template is parsed into a {@link dlcs.namedquery.entity.QueryTemplate} before it is stored,
 * so that a malformed one is refused when it is written, not when a reader opens a book; a run
 * selects all its images in one database query, bounded by {@code dlcs.presentation.max-canvases}.
 */
package dlcs.namedquery;
