#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InterviewCore

/// The scorecard of one or more sessions, for a hiring committee (Markdown, HTML) or for
/// tools (JSON). Pure: text in, text out; the command line reads and writes the files.
public enum Scorecard {
    public enum Format: String, CaseIterable, Sendable {
        case markdown
        case html
        case json

        /// The file name extension of a report in this format.
        public var fileExtension: String {
            switch self {
            case .markdown: "md"
            case .html: "html"
            case .json: "json"
            }
        }
    }

    /// The JSON report's `format` and `version` (docs/reports.md).
    public static let jsonFormat = "interview-report"
    public static let jsonVersion = 1

    /// The report of `sessions`, one after another, in the given format.
    public static func render(_ sessions: [SessionReport], as format: Format) -> String {
        switch format {
        case .markdown: MarkdownReport.render(sessions)
        case .html: HTMLReport.render(sessions)
        case .json: json(sessions)
        }
    }

    /// `{format, version, sessions: [...]}`, pretty-printed with sorted keys. Text keeps
    /// what the session holds; every control character is a `\uXXXX` escape (the
    /// encoder escapes C0; DEL, C1 and bidi overrides are escaped here), never raw.
    public static func json(_ sessions: [SessionReport]) -> String {
        struct Document: Encodable {
            var format: String
            var version: Int
            var sessions: [SessionReport]
        }
        return ReportText.jsonText(Document(format: jsonFormat, version: jsonVersion, sessions: sessions))
    }
}
