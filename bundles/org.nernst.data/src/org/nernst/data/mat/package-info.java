/** MATLAB MAT-file dataset connectors. */
package org.nernst.data.mat;
