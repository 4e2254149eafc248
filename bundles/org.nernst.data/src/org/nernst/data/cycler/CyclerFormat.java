package org.nernst.data.cycler;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The cycler export layouts Nernst reads, each with the signature it is recognised by and the
 * layout it expects, so a file a vendor changed is refused with a message that says what was
 * expected rather than misread.
 *
 * @since 0.1
 */
public enum CyclerFormat {
    ARBIN("arbin", "Arbin MITS CSV",
            "comma-separated with a header line holding Data_Point, Test_Time, Step_Index, Cycle_Index, Current, Voltage "
                    + "(units in parentheses or none: s, A, V, Ah, Wh, °C, Ω)"),
    BATTERY_ARCHIVE("batteryArchive", "BatteryArchive time series CSV",
            "a *timeseries.csv with Date_Time, Test_Time (s), Cycle_Index, Current (A), Voltage (V), Charge_Capacity (Ah), "
                    + "Discharge_Capacity (Ah), Charge_Energy (Wh), Discharge_Energy (Wh), Environment_Temperature (C), "
                    + "Cell_Temperature (C)"),
    BATTERY_ARCHIVE_CYCLES("batteryArchiveCycles", "BatteryArchive cycle summary CSV",
            "a *cycle_data.csv with Cycle_Index, Start_Time, End_Time, Test_Time (s), Min_Current (A), Max_Current (A), "
                    + "Min_Voltage (V), Max_Voltage (V), Charge_Capacity (Ah), Discharge_Capacity (Ah), Charge_Energy (Wh), "
                    + "Discharge_Energy (Wh)"),
    MACCOR("maccor", "Maccor text export",
            "a first line 'Today's Date ... Procedure: ...', then a tab-separated header with Rec#, Cyc#, Step, "
                    + "Test (Sec) or TestTime, Amp-hr, Watt-hr, Amps, Volts, State"),
    NEWARE("neware", "Neware BTS CSV export",
            "three header lines, for cycles ('Cycle ID', ...), steps (',Step ID', ...) and records (',,Record ID, "
                    + "Time(h:min:s.ms), Voltage(V), Current(mA), ...'), then rows of those three kinds");

    private final String id;
    private final String label;
    private final String expected;

    CyclerFormat(String id, String label, String expected) {
        this.id = id;
        this.label = label;
        this.expected = expected;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    /** The layout the reader expects, for error messages. */
    public String expected() {
        return expected;
    }

    public static CyclerFormat byId(String id) {
        for (CyclerFormat f : values()) {
            if (f.id.equalsIgnoreCase(id)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown cycler format '" + id + "'");
    }

    /**
     * The format whose signature the first lines carry, or null.
     *
     * @param firstLines up to the first three lines, decoded as ISO-8859-1
     */
    public static CyclerFormat detect(String fileName, List<String> firstLines) {
        if (firstLines.isEmpty()) {
            return null;
        }
        String l1 = firstLines.get(0).startsWith("\uFEFF") ? firstLines.get(0).substring(1) : firstLines.get(0);
        String l2 = firstLines.size() > 1 ? firstLines.get(1) : "";
        if (l1.startsWith("Today's Date") && l2.contains("Rec#") && l2.contains("Cyc#")) {
            return MACCOR;
        }
        if (l1.replace("\"", "").replace("\t", "").startsWith("Cycle ID") && l2.replace("\"", "").replace("\t", "")
                .matches(",\\s*Step ID.*")) {
            return NEWARE;
        }
        List<String> keys = keys(l1);
        if (keys.contains("data_point") && keys.contains("test_time") && keys.contains("current")
                && keys.contains("voltage")) {
            return ARBIN;
        }
        if (keys.contains("cycle_index") && keys.contains("start_time") && keys.contains("end_time")
                && keys.contains("discharge_capacity")) {
            return BATTERY_ARCHIVE_CYCLES;
        }
        if (keys.contains("test_time") && keys.contains("cycle_index") && keys.contains("current")
                && keys.contains("voltage") && keys.contains("date_time")) {
            return BATTERY_ARCHIVE;
        }
        return null;
    }

    static List<String> keys(String headerLine) {
        List<String> out = new ArrayList<>();
        for (String h : headerLine.split(",", -1)) {
            out.add(Header.parse(h.replace("\"", "")).key().toLowerCase(Locale.ROOT));
        }
        return out;
    }
}
