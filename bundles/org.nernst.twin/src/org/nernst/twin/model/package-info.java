/**
 * Cell model equations ({@link org.nernst.twin.model.CellModel}): what every twin model implements so
 * the experiment runner, the state estimators and the data synthesis can drive it.
 */
package org.nernst.twin.model;
