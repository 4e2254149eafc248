package org.nernst.twin.spm;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.nernst.core.node.DataException;
import org.nernst.twin.spm.internal.Expression;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

/**
 * Reads a BPX (Battery Parameter eXchange) JSON file into a {@link ParameterSet}. Follows the
 * BPX 0.x layout (FaradayInstitution/BPX {@code bpx/schema.py} before 1.0, and its example
 * files, {@code "BPX": 0.4}): {@code Header} ({@code BPX},
 * {@code Model}), {@code Parameterisation} with {@code Cell}, {@code Electrolyte}, {@code Negative
 * electrode}, {@code Positive electrode}, {@code Separator} and optional {@code User-defined}; the
 * initial temperature and electrolyte concentration are also taken from a 1.0-style {@code State}
 * section when the 0.x places lack them. A file whose {@code Header.Model} is {@code "SPM"} may
 * leave out the electrolyte, the separator and the electrodes' porosity and transport efficiency,
 * as BPX allows; such a set drives a {@link SingleParticleModel} but not an {@link SpmeModel}. Functional values are a number, an expression string in
 * {@code x} (stoichiometry, or electrolyte concentration in mol/m³) and {@code T} (K), or a table
 * {@code {"x": [...], "y": [...]}}; expressions are parsed by a small safe evaluator.
 * <p>
 * Not read: blended electrodes ({@code Particle} sub-objects), hysteresis branches, entropic
 * coefficients (the lumped thermal model uses irreversible heat only) and {@code Validation} data.
 * Every problem is a {@link DataException} naming the file, the JSON pointer of the field and what
 * was expected.
 */
public final class BpxReader {
    /** Largest file accepted; BPX files are tens of kilobytes. */
    public static final long MAX_FILE_BYTES = 32L << 20;

    private static final String PARAMETERISATION = "/Parameterisation";

    private final String source;

    private BpxReader(String source) {
        this.source = source;
    }

    /** Reads the file. */
    public static ParameterSet read(Path file) throws DataException {
        String name = file.toString();
        try {
            if (!Files.isRegularFile(file)) {
                throw new DataException(name, "", "no such file (expected a BPX .json file)");
            }
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new DataException(name, "", "file is " + size + " bytes; a BPX file is expected to be under "
                        + MAX_FILE_BYTES + " bytes");
            }
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                return new BpxReader(name).parse(in);
            }
        } catch (IOException e) {
            throw new DataException(name, "", "cannot read: " + e.getMessage(), e);
        }
    }

    /** Reads BPX text; {@code source} names it in errors. */
    public static ParameterSet read(String json, String source) throws DataException {
        try {
            return new BpxReader(source).parse(new StringReader(json));
        } catch (IOException e) {
            throw new DataException(source, "", "cannot read: " + e.getMessage(), e);
        }
    }

    private ParameterSet parse(Reader in) throws IOException, DataException {
        JsonElement root;
        try {
            JsonReader reader = new JsonReader(in);
            reader.setStrictness(Strictness.STRICT);
            root = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new DataException(source, reader.getPath(), "text after the end of the JSON document");
            }
        } catch (JsonParseException | IllegalStateException | IOException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (e.getCause() != null && e.getCause().getMessage() != null) {
                message = e.getCause().getMessage();
            }
            throw new DataException(source, "", "not valid JSON: " + message, e);
        }
        JsonObject top = object(root, "", "a JSON object with Header and Parameterisation");
        JsonObject header = object(require(top, "", "Header"), "/Header", "an object");
        JsonElement version = require(header, "/Header", "BPX");
        if (!(version.isJsonPrimitive())) {
            throw new DataException(source, "/Header/BPX", "expected the BPX version, a number or string");
        }
        String title = header.has("Title") && header.get("Title").isJsonPrimitive()
                ? header.get("Title").getAsString() : "BPX " + version.getAsString();
        boolean spmOnly = header.has("Model") && header.get("Model").isJsonPrimitive()
                && "SPM".equals(header.get("Model").getAsString());
        JsonObject params = object(require(top, "", "Parameterisation"), PARAMETERISATION, "an object");
        JsonObject state = top.has("State") ? object(top.get("State"), "/State", "an object") : null;

        String cellPath = PARAMETERISATION + "/Cell";
        JsonObject cell = object(require(params, PARAMETERISATION, "Cell"), cellPath, "an object");
        double area = positive(cell, cellPath, "Electrode area [m2]");
        double pairs = cell.has("Number of electrode pairs connected in parallel to make a cell")
                ? positive(cell, cellPath, "Number of electrode pairs connected in parallel to make a cell") : 1;
        double capacity = positive(cell, cellPath, "Nominal cell capacity [A.h]");
        double lower = positive(cell, cellPath, "Lower voltage cut-off [V]");
        double upper = positive(cell, cellPath, "Upper voltage cut-off [V]");
        if (!(upper > lower)) {
            throw new DataException(source, cellPath + "/Upper voltage cut-off [V]",
                    "expected a value above the lower cut-off " + lower + " V, found " + upper);
        }
        double tRef = cell.has("Reference temperature [K]") ? positive(cell, cellPath, "Reference temperature [K]")
                : 298.15;
        double tInit = tRef;
        if (cell.has("Initial temperature [K]")) {
            tInit = positive(cell, cellPath, "Initial temperature [K]");
        } else if (state != null && state.has("Initial conditions")) {
            JsonObject ic = object(state.get("Initial conditions"), "/State/Initial conditions", "an object");
            if (ic.has("Initial temperature [K]")) {
                tInit = positive(ic, "/State/Initial conditions", "Initial temperature [K]");
            }
        }
        double contact = 0;
        JsonObject user = null;
        if (params.has("User-defined")) {
            user = object(params.get("User-defined"), PARAMETERISATION + "/User-defined", "an object");
            if (user.has("Contact resistance [Ohm]")) {
                contact = nonNegative(user, PARAMETERISATION + "/User-defined", "Contact resistance [Ohm]");
            }
        }
        var cellValues = new ParameterSet.Cell(area * pairs, capacity, lower, upper, tRef, tInit, contact);

        String elPath = PARAMETERISATION + "/Electrolyte";
        ParameterSet.Electrolyte electrolyte;
        if (spmOnly && !params.has("Electrolyte")) {
            electrolyte = ParameterSet.Electrolyte.ABSENT;
        } else {
            JsonObject el = object(require(params, PARAMETERISATION, "Electrolyte"), elPath, "an object");
            double ce0;
            if (el.has("Initial concentration [mol.m-3]") || state == null) {
                ce0 = positive(el, elPath, "Initial concentration [mol.m-3]");
            } else {
                String icPath = "/State/Initial conditions";
                JsonObject ic = object(require(state, "/State", "Initial conditions"), icPath, "an object");
                ce0 = positive(ic, icPath, "Initial electrolyte concentration [mol.m-3]");
            }
            double tPlus = number(el, elPath, "Cation transference number");
            if (!(tPlus >= 0 && tPlus < 1)) {
                throw new DataException(source, elPath + "/Cation transference number",
                        "expected a number in [0, 1), found " + tPlus);
            }
            Property dE = function(el, elPath, "Diffusivity [m2.s-1]");
            Property kappa = function(el, elPath, "Conductivity [S.m-1]");
            checkPositive(dE, ce0, tRef, elPath + "/Diffusivity [m2.s-1]", "at the initial concentration");
            checkPositive(kappa, ce0, tRef, elPath + "/Conductivity [S.m-1]", "at the initial concentration");
            electrolyte = new ParameterSet.Electrolyte(ce0, tPlus, dE,
                    optional(el, elPath, "Diffusivity activation energy [J.mol-1]"), kappa,
                    optional(el, elPath, "Conductivity activation energy [J.mol-1]"));
        }

        ParameterSet.Electrode negative = electrode(params, "Negative electrode", true, tRef, spmOnly);
        ParameterSet.Electrode positive = electrode(params, "Positive electrode", false, tRef, spmOnly);

        String sepPath = PARAMETERISATION + "/Separator";
        ParameterSet.Separator separator = ParameterSet.Separator.ABSENT;
        if (!spmOnly || params.has("Separator")) {
            JsonObject sep = object(require(params, PARAMETERISATION, "Separator"), sepPath, "an object");
            separator = new ParameterSet.Separator(positive(sep, sepPath, "Thickness [m]"),
                    fraction(sep, sepPath, "Porosity"), fraction(sep, sepPath, "Transport efficiency"));
        }

        Optional<ParameterSet.Thermal> thermal = thermal(cell, cellPath, state, user);
        return new ParameterSet(title, cellValues, negative, positive, separator, electrolyte, thermal);
    }

    private ParameterSet.Electrode electrode(JsonObject params, String key, boolean isNegative, double tRef,
            boolean spmOnly) throws DataException {
        String path = PARAMETERISATION + "/" + key;
        JsonObject e = object(require(params, PARAMETERISATION, key), path, "an object");
        if (e.has("Particle")) {
            throw new DataException(source, path + "/Particle",
                    "blended electrodes are not supported; expected a single active material");
        }
        double radius = positive(e, path, "Particle radius [m]");
        double a = positive(e, path, "Surface area per unit volume [m-1]");
        double activeFraction = a * radius / 3.0;
        if (!(activeFraction < 1)) {
            throw new DataException(source, path + "/Surface area per unit volume [m-1]",
                    "implies an active material fraction a R / 3 = " + activeFraction + "; expected under 1");
        }
        double cMax = positive(e, path, "Maximum concentration [mol.m-3]");
        double minSto = fraction(e, path, "Minimum stoichiometry");
        double maxSto = fraction(e, path, "Maximum stoichiometry");
        if (!(maxSto > minSto)) {
            throw new DataException(source, path + "/Maximum stoichiometry",
                    "expected a value above the minimum stoichiometry " + minSto + ", found " + maxSto);
        }
        Property ocp = function(e, path, "OCP [V]");
        Property diffusivity = function(e, path, "Diffusivity [m2.s-1]");
        for (int i = 0; i <= 20; i++) {
            double x = minSto + (maxSto - minSto) * i / 20.0;
            double u = ocp.at(x, tRef);
            if (!Double.isFinite(u)) {
                throw new DataException(source, path + "/OCP [V]",
                        "evaluates to " + u + " at stoichiometry " + x + "; expected a finite voltage");
            }
            checkPositive(diffusivity, x, tRef, path + "/Diffusivity [m2.s-1]", "at stoichiometry " + x);
        }
        double conductivity = e.has("Conductivity [S.m-1]") ? positive(e, path, "Conductivity [S.m-1]") : Double.NaN;
        // an SPM file (Header.Model "SPM") has no electrolyte, so no porosity or transport efficiency
        double porosity = spmOnly && !e.has("Porosity") ? Double.NaN : fraction(e, path, "Porosity");
        double efficiency = spmOnly && !e.has("Transport efficiency") ? Double.NaN
                : fraction(e, path, "Transport efficiency");
        return new ParameterSet.Electrode(positive(e, path, "Thickness [m]"), radius, activeFraction,
                porosity, efficiency, conductivity, cMax,
                diffusivity, optional(e, path, "Diffusivity activation energy [J.mol-1]"), ocp,
                positive(e, path, "Reaction rate constant [mol.m-2.s-1]"),
                optional(e, path, "Reaction rate constant activation energy [J.mol-1]"),
                isNegative ? minSto : maxSto, isNegative ? maxSto : minSto);
    }

    private Optional<ParameterSet.Thermal> thermal(JsonObject cell, String cellPath, JsonObject state,
            JsonObject user) throws DataException {
        String h = "Heat transfer coefficient [W.m-2.K-1]";
        Double coefficient = null;
        if (cell.has(h)) {
            coefficient = nonNegative(cell, cellPath, h);
        } else if (state != null && state.has("Thermal state")
                && state.get("Thermal state").isJsonObject() && state.getAsJsonObject("Thermal state").has(h)) {
            coefficient = nonNegative(state.getAsJsonObject("Thermal state"), "/State/Thermal state", h);
        } else if (user != null && user.has(h)) {
            coefficient = nonNegative(user, PARAMETERISATION + "/User-defined", h);
        }
        String[] needed = {"Density [kg.m-3]", "Specific heat capacity [J.K-1.kg-1]", "Volume [m3]",
                "External surface area [m2]"};
        boolean complete = coefficient != null;
        for (String key : needed) {
            complete &= cell.has(key);
        }
        if (!complete) {
            return Optional.empty();
        }
        double heatCapacity = positive(cell, cellPath, needed[0]) * positive(cell, cellPath, needed[1])
                * positive(cell, cellPath, needed[2]);
        return Optional.of(new ParameterSet.Thermal(heatCapacity, coefficient * positive(cell, cellPath, needed[3])));
    }

    private void checkPositive(Property p, double x, double tK, String path, String where) throws DataException {
        double v = p.at(x, tK);
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new DataException(source, path, "evaluates to " + v + " " + where + "; expected a positive number");
        }
    }

    // --- field access ------------------------------------------------------------------------

    private JsonElement require(JsonObject o, String path, String key) throws DataException {
        JsonElement v = o.get(key);
        if (v == null || v.isJsonNull()) {
            throw new DataException(source, path + "/" + key, "missing required field '" + key + "'");
        }
        return v;
    }

    private JsonObject object(JsonElement e, String path, String expected) throws DataException {
        if (e == null || !e.isJsonObject()) {
            throw new DataException(source, path.isEmpty() ? "/" : path, "expected " + expected);
        }
        return e.getAsJsonObject();
    }

    private double number(JsonObject o, String path, String key) throws DataException {
        JsonElement v = require(o, path, key);
        if (v.isJsonPrimitive() && v.getAsJsonPrimitive().isNumber()) {
            double d = v.getAsDouble();
            if (Double.isFinite(d)) {
                return d;
            }
        }
        throw new DataException(source, path + "/" + key, "expected a number, found " + v);
    }

    private double positive(JsonObject o, String path, String key) throws DataException {
        double d = number(o, path, key);
        if (!(d > 0)) {
            throw new DataException(source, path + "/" + key, "expected a positive number, found " + d);
        }
        return d;
    }

    private double nonNegative(JsonObject o, String path, String key) throws DataException {
        double d = number(o, path, key);
        if (d < 0) {
            throw new DataException(source, path + "/" + key, "expected a number ≥ 0, found " + d);
        }
        return d;
    }

    private double fraction(JsonObject o, String path, String key) throws DataException {
        double d = number(o, path, key);
        if (!(d >= 0 && d <= 1)) {
            throw new DataException(source, path + "/" + key, "expected a number between 0 and 1, found " + d);
        }
        return d;
    }

    private double optional(JsonObject o, String path, String key) throws DataException {
        return o.has(key) ? nonNegative(o, path, key) : 0.0;
    }

    /** A number, an expression string in x and T, or a table {"x": [...], "y": [...]}. */
    private Property function(JsonObject o, String path, String key) throws DataException {
        JsonElement v = require(o, path, key);
        String where = path + "/" + key;
        if (v.isJsonPrimitive()) {
            JsonPrimitive p = v.getAsJsonPrimitive();
            if (p.isNumber()) {
                double d = p.getAsDouble();
                if (!Double.isFinite(d)) {
                    throw new DataException(source, where, "expected a finite number, found " + d);
                }
                return Property.constant(d);
            }
            if (p.isString()) {
                try {
                    Expression e = Expression.parse(p.getAsString());
                    return e::eval;
                } catch (Expression.ExpressionException ex) {
                    throw new DataException(source, where, "bad expression at " + ex.getMessage()
                            + "; expected an expression in x and T with + - * / ** ( ) exp log tanh sqrt cosh sinh", ex);
                }
            }
        }
        if (v.isJsonObject()) {
            JsonObject t = v.getAsJsonObject();
            double[] xs = numbers(t, where, "x");
            double[] ys = numbers(t, where, "y");
            if (xs.length != ys.length || xs.length < 2) {
                throw new DataException(source, where, "expected a table with as many x as y values (at least 2), found "
                        + xs.length + " x and " + ys.length + " y");
            }
            for (int i = 1; i < xs.length; i++) {
                if (!(xs[i] > xs[i - 1])) {
                    throw new DataException(source, where + "/x/" + i, "expected x values increasing strictly, found "
                            + xs[i] + " after " + xs[i - 1]);
                }
            }
            return new Property.Table(xs, ys);
        }
        throw new DataException(source, where, "expected a number, an expression string or a table {\"x\": [...], \"y\": [...]}");
    }

    private double[] numbers(JsonObject table, String path, String key) throws DataException {
        JsonElement v = require(table, path, key);
        if (!v.isJsonArray()) {
            throw new DataException(source, path + "/" + key, "expected an array of numbers");
        }
        JsonArray a = v.getAsJsonArray();
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            JsonElement e = a.get(i);
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber() || !Double.isFinite(e.getAsDouble())) {
                throw new DataException(source, path + "/" + key + "/" + i, "expected a number, found " + e);
            }
            out[i] = e.getAsDouble();
        }
        return out;
    }
}
