/** The Severson et al. 2019 fast-charging cells in the layout exported by Attia et al. 2021. */
package org.nernst.data.severson;
