package org.nernst.data.mat.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.nernst.core.node.DataException;
import org.nernst.data.mat.MatArray;
import org.nernst.data.mat.MatCell;
import org.nernst.data.mat.MatFiles;
import org.nernst.data.mat.MatFormat;
import org.nernst.data.mat.MatStruct;
import org.nernst.data.mat.MatText;
import org.nernst.data.mat.MatUnsupported;
import org.nernst.data.mat.MatValue;
import org.nernst.data.mat.MatView;

import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.types.Array;
import us.hebi.matlab.mat.types.Cell;
import us.hebi.matlab.mat.types.Char;
import us.hebi.matlab.mat.types.MatlabType;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.Struct;

/** MATLAB 5 files through mfl-core, which reads the whole file into memory when opened. */
public final class Mat5View implements MatView {
    private final Path file;
    private final Mat5File mat;

    private Mat5View(Path file, Mat5File mat) {
        this.file = file;
        this.mat = mat;
    }

    public static Mat5View open(Path file) throws DataException {
        return new Mat5View(file, MatFiles.readV5(file));
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public MatFormat format() {
        return MatFormat.V5;
    }

    @Override
    public List<String> variableNames() {
        List<String> names = new ArrayList<>();
        for (us.hebi.matlab.mat.types.MatFile.Entry e : mat.getEntries()) {
            names.add(e.getName());
        }
        return names;
    }

    @Override
    public MatValue variable(String name) throws DataException {
        for (us.hebi.matlab.mat.types.MatFile.Entry e : mat.getEntries()) {
            if (e.getName().equals(name)) {
                return value(e.getValue(), name);
            }
        }
        throw missing(name, "the variable was asked for");
    }

    private MatValue value(Array a, String where) {
        int[] dims = a.getDimensions();
        MatlabType t = a.getType();
        if (a instanceof Char c) {
            return new MatText(where, dims, () -> {
                char[] chars = new char[c.getNumElements()];
                for (int i = 0; i < chars.length; i++) {
                    chars[i] = c.getChar(i);
                }
                return MatText.fromColumnMajor(chars, dims);
            });
        }
        if (t == MatlabType.Structure && a instanceof Struct s) {
            MatStruct[] self = new MatStruct[1];
            self[0] = new MatStruct(file.toString(), where, dims, s.getFieldNames(),
                    (name, i) -> value(s.get(name, i), self[0].whereOf(i) + "." + name));
            return self[0];
        }
        if (a instanceof Cell c) {
            return new MatCell(file.toString(), where, dims, i -> value(c.get(i), where + "{" + (i + 1) + "}"));
        }
        if (t == MatlabType.Sparse || !(a instanceof Matrix m)) {
            return new MatUnsupported(where, dims, className(t), "MATLAB " + className(t) + " values are not read");
        }
        if (m.isComplex()) {
            return new MatUnsupported(where, dims, className(t), "complex values are not read");
        }
        return new MatArray(where, dims, m.isLogical() ? "logical" : className(t), () -> {
            double[] v = new double[m.getNumElements()];
            for (int i = 0; i < v.length; i++) {
                v[i] = m.getDouble(i);
            }
            return v;
        });
    }

    private static String className(MatlabType t) {
        return switch (t) {
            case Cell -> "cell";
            case Structure -> "struct";
            case Object -> "object";
            case Character -> "char";
            case Sparse -> "sparse";
            case Function -> "function_handle";
            case Opaque -> "opaque";
            default -> t.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    @Override
    public void close() {
        try {
            mat.close();
        } catch (java.io.IOException e) {
            // nothing is held open beyond memory; a failing close changes nothing read
        }
    }
}
