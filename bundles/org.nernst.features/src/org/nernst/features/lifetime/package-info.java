/** Features that predict a cell's lifetime from its first cycles. */
package org.nernst.features.lifetime;
