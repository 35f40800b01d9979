import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InterviewCore
import InterviewReports
import InterviewStore

extension DebriefCommand {
    /// The debrief of a panel when the one session named is in one (a lead's with members,
    /// or a member's: docs/panel.md); nil otherwise. Blind until every member has
    /// submitted: before that it lists who has not and exits 2, unless `--partial`.
    func panelText() throws -> String? {
        guard sessions.count == 1 else {
            if partial { throw ValidationError("--partial is for a panel's debrief: name one session of the panel") }
            return nil
        }
        let path = sessions[0]
        let report: SessionReport
        do {
            report = SessionReport(try SessionStore.read(path), file: path)
        } catch {
            throw exitWithInputError(error)
        }
        let folders = [URL(fileURLWithPath: path).deletingLastPathComponent(), SessionStore.standard().folder]
        let group = PanelGroups.panel(of: report, path: path, in: folders)
        guard group.count >= 2 || report.panel != nil else {
            if partial { throw ValidationError("--partial is for a panel's debrief: \(path) is in no panel") }
            return nil
        }
        guard format != .html else {
            throw exitWithInputError(InputError(file: path,
                                                message: "is in a panel, whose debrief is Markdown or JSON: expected --format markdown or json"))
        }
        var waiting = PanelDebrief.unsubmitted(group).map { "\($0.title): \($0.status.rawValue) (\(VisibleText.visible($0.file)))" }
        if group.first?.panel != nil, let link = report.panel {
            waiting.insert("\(link.lead.isEmpty ? "the lead" : link.lead) (lead): session \(link.interview) not found "
                           + "beside \(VisibleText.visible(path)) nor in the sessions folder", at: 0)
        }
        if !waiting.isEmpty, !partial {
            printError("the panel's debrief waits until every member has submitted (ended their session); not yet:\n"
                       + waiting.map { "  " + $0 }.joined(separator: "\n")
                       + "\nRun it again once they have, or with --partial for what is in.")
            throw ExitCode(2)
        }
        let debrief = PanelDebrief(group, partial: !waiting.isEmpty)
        return format == .json ? debrief.json() : debrief.markdown()
    }
}
