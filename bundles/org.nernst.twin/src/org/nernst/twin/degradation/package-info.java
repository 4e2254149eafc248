/**
 * Degradation: capacity and resistance fade over time and charge throughput (SEI growth law, the
 * empirical throughput model of Wang et al. 2011 fitted to data), and ageing of a twin's parameter set.
 */
package org.nernst.twin.degradation;
