import Foundation
import SchemaCheck
import Testing

/// Every JSON document the binary writes in the end-to-end tests, checked against its
/// schema (docs/schema) where the tests get it: what `report`, `debrief` and `stats` print
/// or write with `--format json`, the session files `redact` and `anonymize` rewrite
/// (`Binary.run`), and the session files the live program saves (`Tmux.onlySession`).
enum WrittenJSON {
    /// The documents of a finished `interview ARGUMENTS`.
    static func check(_ arguments: [String], _ output: Binary.Output, directory: URL?,
                      sourceLocation: SourceLocation = #_sourceLocation) {
        guard output.status != 2, let command = arguments.first else { return }
        let documents: [String: SchemaCheck.Schema] = ["report": .report, "debrief": .debrief, "stats": .stats]
        if let schema = documents[command], json(arguments) {
            if let target = value(of: ["-o", "--output"], in: arguments) {
                let url = URL(fileURLWithPath: target, relativeTo: directory)
                if let data = try? Data(contentsOf: url) { SchemaCheck.expectValid(data, Self.panel(data) ?? schema, sourceLocation: sourceLocation) }
            } else {
                let data = Data(output.stdout.utf8)
                SchemaCheck.expectValid(data, Self.panel(data) ?? schema, sourceLocation: sourceLocation)
            }
        }
        if ["redact", "anonymize"].contains(command) {
            for argument in arguments.dropFirst() where argument.hasSuffix(".json") {
                session(at: URL(fileURLWithPath: argument, relativeTo: directory), sourceLocation: sourceLocation)
            }
        }
    }

    /// A session file, when it is one (a report beside it, or a file gone, is not).
    static func session(at url: URL, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let data = try? Data(contentsOf: url),
              (try? JSONSerialization.jsonObject(with: data) as? [String: Any])?["format"] as? String == "interview-session"
        else { return }
        SchemaCheck.expectValid(data, .session, sourceLocation: sourceLocation)
    }

    /// A panel's debrief is a document of its own (`interview-panel-debrief`).
    private static func panel(_ data: Data) -> SchemaCheck.Schema? {
        let format = (try? JSONSerialization.jsonObject(with: data) as? [String: Any])?["format"] as? String
        return format == "interview-panel-debrief" ? .panelDebrief : nil
    }

    private static func json(_ arguments: [String]) -> Bool {
        value(of: ["--format"], in: arguments) == "json" || arguments.contains("--format=json")
    }

    private static func value(of options: [String], in arguments: [String]) -> String? {
        guard let index = arguments.firstIndex(where: options.contains), index + 1 < arguments.count else { return nil }
        return arguments[index + 1]
    }
}
