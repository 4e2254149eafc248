/**
 * State of health and remaining useful life: capacity and resistance tracking per cycle, end-of-life
 * prediction with uncertainty by particle filter on a double-exponential fade model and by Gaussian
 * process extrapolation.
 */
package org.nernst.estimation.health;
