import Foundation

extension PanelGroups {
    /// The panel `report` is in: the sessions in `folders` (each `*.json`, not hidden,
    /// not in subfolders, as `stats` reads them) of the same interview, with `report`
    /// itself, the lead first, then the members by start; files that are not readable
    /// sessions are passed over. Just `report` when it is in no panel.
    public static func panel(of report: SessionReport, path: String, in folders: [URL]) -> [SessionReport] {
        let interview = interview(of: report)
        var seen: Set<String> = [canonical(path)]
        var found: [SessionReport] = [report]
        for folder in folders {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for name in names.sorted() where name.hasSuffix(".json") && !name.hasPrefix(".") {
                let file = folder.appendingPathComponent(name).path
                guard seen.insert(canonical(file)).inserted,
                      let other = try? SessionStats.report(file, name: file), other.mode == .live,
                      Self.interview(of: other) == interview else { continue }
                found.append(other)
            }
        }
        let members = found.filter { $0.panel != nil }.sorted { ($0.startedAt, $0.file) < ($1.startedAt, $1.file) }
        return found.filter { $0.panel == nil } + members
    }

    static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
