#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InterviewCore

/// Which sessions are one panel interview: a lead's session (one without `panel`) and
/// the members' sessions whose `panel.interview` is the lead's `id`. Members whose
/// lead's file is not among the sessions still group together, by that id.
public enum PanelGroups {
    /// The interview a session belongs to: its lead's id, or its own.
    public static func interview(of report: some SessionFacts) -> String { report.panel?.interview ?? report.id }

    /// A session's role in its panel: a lead's session carries none.
    public static func role(of report: some SessionFacts) -> SessionFile.Panel.Role { report.panel?.role ?? .lead }

    /// The panels among `reports` (live sessions only, two or more sessions each), each
    /// lead first, then the members in the order given, panels in the order of their
    /// first session.
    public static func panels<Session: SessionFacts>(_ reports: [Session]) -> [[Session]] {
        var order: [String] = []
        var groups: [String: [Session]] = [:]
        for report in reports where report.mode == .live {
            let key = interview(of: report)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(report)
        }
        return order.compactMap { key in
            let group = groups[key]!
            guard group.count >= 2 else { return nil }
            return group.filter { $0.panel == nil } + group.filter { $0.panel != nil }
        }
    }

    /// The name a panel member goes by in calibration and the debrief.
    public static func name(_ report: some SessionFacts) -> String {
        let trimmed = report.interviewer.trimmed
        return trimmed.isEmpty ? "(no interviewer name)" : trimmed
    }
}

