package org.nernst.core.node;

/**
 * A rendered plot: a raster for screens and reports and a vector version for papers.
 *
 * @param title the plot's title
 * @param png PNG bytes
 * @param svg SVG document
 * @since 0.1
 */
public record Figure(String title, byte[] png, String svg) {
}
