/** Battery cycler exports (Arbin, Maccor, Neware, BatteryArchive, mapped text) in one canonical layout. */
package org.nernst.data.cycler;
