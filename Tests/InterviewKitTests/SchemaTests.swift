import Foundation
import SchemaCheck
import Testing
@testable import InterviewCore
@testable import InterviewReports

/// The JSON the program writes, validated against its published schema (docs/schema,
/// draft 2020-12) by a real validator (`SchemaCheck`: Python's `jsonschema`, which
/// scripts/test installs). Without it these tests are skipped, and the skip says why.
@Suite(.enabled(if: SchemaCheck.available, "needs python3 with jsonschema (scripts/test installs it)"))
struct SchemaTests {
    @Test func theRichSessionsDocumentsValidate() throws {
        let file = try RichSessionReportTests.session()
        SchemaCheck.expectValid(try file.encoded(), .session)
        SchemaCheck.expectValid(Scorecard.render([try RichSessionReportTests.report()], as: .json), .report)
        SchemaCheck.expectValid(try Debrief([("rich.json", file)]).render(as: .json), .debrief)
    }

    @Test func theGoldenDocumentsValidate() throws {
        let golden = try ReportFixtures.goldenSession()
        SchemaCheck.expectValid(try golden.encoded(), .session)
        SchemaCheck.expectValid(Scorecard.render([SessionReport(golden, file: "golden.json")], as: .json), .report)
        SchemaCheck.expectValid(try DebriefTests.debrief().render(as: .json), .debrief)
        SchemaCheck.expectValid(try StatsOutputTests.stats().render(.json), .stats)
    }

    /// The validator can fail: `5` for no decision, the old spelling, validates nowhere.
    @Test func theOldNoDecisionDoesNotValidate() throws {
        let report = Scorecard.render([try RichSessionReportTests.report()], as: .json)
        #expect(report.contains("\"recommendation\" : \"noDecision\""))
        #expect(SchemaCheck.problems(Data(report.replacingOccurrences(of: "\"noDecision\"", with: "5").utf8), .report) != nil)
        let session = String(decoding: try RichSessionReportTests.session().encoded(), as: UTF8.self)
        #expect(session.contains("\"recommendation\" : \"noDecision\""))
        let old = session.replacingOccurrences(of: "\"recommendation\" : \"noDecision\"", with: "\"recommendation\" : 5")
        #expect(SchemaCheck.problems(Data(old.utf8), .session) != nil)
    }

    /// Every property of each schema is named in its document's section of the docs, and
    /// every key a table there names is one the schema has.
    @Test(arguments: SchemaCheck.Schema.allCases) func docsMatchTheSchema(_ schema: SchemaCheck.Schema) throws {
        let doc = DocumentedSchema(schema)
        let section = try doc.section()
        let names = try DocumentedSchema.names(in: [schema])
        for property in names.properties.sorted() {
            #expect(section.contains("`\(property)`") || section.contains("`\"\(property)\"`"),
                    "docs/\(doc.file) (\(doc.marker)) does not name \(property)")
        }
        let known = try DocumentedSchema.names(in: [schema, .report])
        for key in DocumentedSchema.tableKeys(section) where !known.properties.contains(key) && !known.values.contains(key) {
            Issue.record("docs/\(doc.file) (\(doc.marker)) names \(key), which \(schema.fileName) does not have")
        }
    }
}

/// Where the docs describe a schema's document: the section whose heading names its format.
struct DocumentedSchema {
    var file: String
    var marker: String

    init(_ schema: SchemaCheck.Schema) {
        file = switch schema {
        case .session: "sessions.md"
        case .panelDebrief: "panel.md"
        default: "reports.md"
        }
        marker = "`interview-\(schema.rawValue)`"
    }

    /// From the heading naming the format to the next heading of its level or above.
    func section() throws -> String {
        let text = try String(contentsOf: SchemaCheck.folder.deletingLastPathComponent().appendingPathComponent(file), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let start = try #require(lines.firstIndex { $0.hasPrefix("#") && $0.contains(marker) }, "no heading names \(marker)")
        let level = lines[start].prefix { $0 == "#" }.count
        let end = lines[(start + 1)...].firstIndex { line in
            line.hasPrefix("#") && line.prefix { $0 == "#" }.count <= level
        } ?? lines.endIndex
        return lines[start..<end].joined(separator: "\n")
    }

    /// The keys the section's tables name: each code span that reads as a JSON key (a
    /// word of two letters or more, or a quoted one). Values (`null`, numbers) are not keys.
    static func tableKeys(_ section: String) -> Set<String> {
        var keys = Set<String>()
        for line in section.split(separator: "\n") where line.hasPrefix("|") {
            for (n, span) in line.split(separator: "`", omittingEmptySubsequences: false).enumerated() where n % 2 == 1 {
                let word = span.hasPrefix("\"") && span.hasSuffix("\"") && span.count > 1 ? span.dropFirst().dropLast() : span
                guard word.count >= 2 || word.allSatisfy(\.isNumber), !word.isEmpty,
                      word.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }), word.first?.isLetter == true || span.hasPrefix("\""),
                      !["null", "true", "false"].contains(word) else { continue }
                keys.insert(String(word))
            }
        }
        return keys
    }

    /// Every property name of the schemas, and every value they name (`enum`, `const`).
    static func names(in schemas: [SchemaCheck.Schema]) throws -> (properties: Set<String>, values: Set<String>) {
        var properties = Set<String>(), values = Set<String>()
        func walk(_ node: Any) {
            if let object = node as? [String: Any] {
                if let named = object["properties"] as? [String: Any] { properties.formUnion(named.keys) }
                if let value = object["const"] as? String { values.insert(value) }
                for value in object["enum"] as? [Any] ?? [] { if let word = value as? String { values.insert(word) } }
                object.values.forEach(walk)
            } else if let array = node as? [Any] {
                array.forEach(walk)
            }
        }
        for schema in schemas {
            walk(try JSONSerialization.jsonObject(with: Data(contentsOf: SchemaCheck.folder.appendingPathComponent(schema.fileName))))
        }
        return (properties, values)
    }
}
