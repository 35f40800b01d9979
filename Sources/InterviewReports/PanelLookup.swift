#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InterviewCore
import InterviewStore

extension PanelGroups {
    /// The panel `report` (the session at `path`) is in: the sessions in `folders` of the
    /// same interview, with `report` itself, the lead first, then the members by start.
    /// Just `report` when it is in no panel.
    public static func panel(of report: SessionReport, path: String, in folders: [URL]) -> [SessionReport] {
        let interview = interview(of: report)
        var found: [SessionReport] = [report]
        for (_, other) in sessions(in: folders, besides: path) where Self.interview(of: other) == interview {
            found.append(other)
        }
        let members = found.filter { $0.panel != nil }.sorted { ($0.startedAt, $0.file) < ($1.startedAt, $1.file) }
        return found.filter { $0.panel == nil } + members
    }

    /// The lead's session file of a member's `panel`, looked for in `folders`; nil when
    /// none is there (not synced yet, or elsewhere).
    public static func leadPath(of panel: SessionFile.Panel, in folders: [URL], besides path: String) -> String? {
        sessions(in: folders, besides: path).first { $0.report.id == panel.interview && $0.report.panel == nil }?.path
    }

    /// The live sessions of `folders` (each `*.json`, not hidden, not in subfolders, as
    /// `stats` reads them), but the one at `path`; files that are not readable sessions
    /// are passed over.
    static func sessions(in folders: [URL], besides path: String) -> [(path: String, report: SessionReport)] {
        var seen: Set<String> = [canonical(path)]
        var found: [(path: String, report: SessionReport)] = []
        for folder in folders {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for name in names.sorted() where name.hasSuffix(".json") && !name.hasPrefix(".") {
                let file = folder.appendingPathComponent(name).path
                guard seen.insert(canonical(file)).inserted, let report = try? SessionReport(SessionStore.read(file), file: file),
                      report.mode == .live else { continue }
                found.append((file, report))
            }
        }
        return found
    }

    static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
