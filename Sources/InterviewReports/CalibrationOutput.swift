import InterviewCore

/// Calibration as `interview stats` prints it: a section of the table, the `calibration`
/// key of the JSON, and `--calibration`'s CSV (docs/panel.md).
extension Calibration {
    /// The JSON's `calibration`: every key always present, `null` for a missing figure.
    struct Document: Encodable {
        struct Offset: Encodable {
            var name: String
            var shared: Int
            @Nullable var meanDifference: Double?
            var flagged: Bool
        }

        struct Shadow: Encodable {
            var name: String
            var shared: Int
            @Nullable var meanDifference: Double?
            @Nullable var kappa: Double?
        }

        struct Pair: Encodable {
            var first, second: String
            var shared: Int
            @Nullable var kappa: Double?
        }

        struct Overall: Encodable {
            var shared: Int
            @Nullable var kappa: Double?
        }

        var panels: Int
        var interviewers: [Offset]
        var pairs: [Pair]
        var overall: Overall
        var shadows: [Shadow]

        init(_ c: Calibration) {
            panels = c.panels
            interviewers = c.interviewers.map {
                Offset(name: $0.name, shared: $0.shared, meanDifference: StatsDocument.rounded($0.meanDifference), flagged: $0.flagged)
            }
            pairs = c.pairs.map { Pair(first: $0.first, second: $0.second, shared: $0.shared, kappa: StatsDocument.rounded($0.kappa)) }
            overall = Overall(shared: c.overall.shared, kappa: StatsDocument.rounded(c.overall.kappa))
            shadows = c.shadows.map {
                Shadow(name: $0.name, shared: $0.shared, meanDifference: StatsDocument.rounded($0.meanDifference),
                       kappa: StatsDocument.rounded($0.kappa))
            }
        }
    }

    /// The table's section; empty when no two interviewers rated the same answers.
    var table: String {
        guard panels > 0 else { return "" }
        var out = "\nCalibration: \(panels) panel interview\(panels == 1 ? "" : "s") (⚑ ±\(SessionStats.decimal(Self.flagDifference)) "
            + "or more over \(Self.flagShared)+ shared ratings; docs/panel.md)\n"
        let rows = interviewers.map { i in
            [SessionStats.cell(i.name, 28), "\(i.shared)", Self.signed(i.meanDifference) + (i.flagged ? " ⚑" : "")]
        }
        out += SessionStats.table(header: ["INTERVIEWER", "SHARED", "MEAN DIFF"], rows: rows, rightAligned: [1], indent: "  ")
        let pairRows = pairs.map { p in
            [SessionStats.cell(p.first, 24) + " · " + SessionStats.cell(p.second, 24), "\(p.shared)", Self.kappa(p.kappa)]
        } + [["overall", "\(overall.shared)", Self.kappa(overall.kappa)]]
        out += "\n  Agreement (quadratic-weighted kappa):\n"
        out += SessionStats.table(header: ["PAIR", "SHARED", "KAPPA"], rows: pairRows, rightAligned: [1, 2], indent: "  ")
        if !shadows.isEmpty {
            out += "\n  Shadows against the panel (never in the figures above):\n"
            let shadowRows = shadows.map { s in
                [SessionStats.cell(s.name, 28), "\(s.shared)", Self.signed(s.meanDifference), Self.kappa(s.kappa)]
            }
            out += SessionStats.table(header: ["SHADOW", "SHARED", "MEAN DIFF", "KAPPA"], rows: shadowRows, rightAligned: [1, 3],
                                      indent: "  ")
        }
        return out
    }

    /// The columns of `csv`, in order: a row per interviewer, pair, the overall and shadow.
    public static let csvColumns = ["kind", "name", "other", "shared", "mean_difference", "kappa", "flagged"]

    /// `interview stats --format csv --calibration`.
    public var csv: String {
        func value(_ number: Double?) -> String { number.map { Self.signed($0, CSV.decimal, plus: false) } ?? "" }
        var out = CSV.row(Self.csvColumns)
        for i in interviewers {
            out += CSV.row(["interviewer", CSV.text(i.name), "", "\(i.shared)", value(i.meanDifference), "", i.flagged ? "true" : "false"])
        }
        for p in pairs {
            out += CSV.row(["pair", CSV.text(p.first), CSV.text(p.second), "\(p.shared)", "", value(p.kappa), ""])
        }
        out += CSV.row(["overall", "", "", "\(overall.shared)", "", value(overall.kappa), ""])
        for s in shadows {
            out += CSV.row(["shadow", CSV.text(s.name), "", "\(s.shared)", value(s.meanDifference), value(s.kappa), ""])
        }
        return out
    }

    /// `+0.7`, `-0.3`, `0.0`; `-` for none.
    static func signed(_ value: Double?) -> String {
        value.map { signed($0, SessionStats.decimal, plus: true) } ?? "-"
    }

    /// Two decimals, `-` when it cannot be computed.
    static func kappa(_ value: Double?) -> String {
        value.map { signed($0, CSV.decimal, plus: false) } ?? "-"
    }

    /// A number that may be negative, in a format written for those that are not; no sign on zero.
    static func signed(_ value: Double, _ format: (Double) -> String, plus: Bool) -> String {
        let text = format(abs(value))
        if text == format(0) { return text }
        return value < 0 ? "-" + text : (plus ? "+" : "") + text
    }
}

extension SessionStats {
    /// `stats --calibration`: the calibration alone, as a table or CSV (the JSON has it whole).
    public func calibrationOnly(_ format: Format) -> String {
        switch format {
        case .csv: calibration.csv
        case .table, .json: calibration.panels == 0 ? "No panel interviews: no two interviewers rated the same answers.\n"
            : String(calibration.table.dropFirst())
        }
    }
}
