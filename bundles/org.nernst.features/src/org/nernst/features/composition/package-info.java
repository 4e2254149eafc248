/** Composition descriptors of materials from their chemical formulas. */
package org.nernst.features.composition;
