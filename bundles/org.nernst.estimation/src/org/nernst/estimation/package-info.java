/** State estimators: Coulomb counting, Kalman filters on the twin models, SOH and RUL, recurrent nets. */
package org.nernst.estimation;
