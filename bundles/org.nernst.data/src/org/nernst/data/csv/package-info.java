/** Delimited-text dataset connector. */
package org.nernst.data.csv;
