import Foundation
import Testing
@testable import InterviewReports

/// The JSON the program writes, validated against its published schema (docs/schema,
/// draft 2020-12) by a real validator: Python's `jsonschema`, which scripts/test installs.
/// Without it these tests are skipped, and the skip says why.
@Suite(.enabled(if: SchemaValidator.available, "needs python3 with jsonschema (scripts/test installs it)"))
struct SchemaTests {
    @Test func theRichSessionsReportValidates() throws {
        let json = Scorecard.render([try RichSessionReportTests.report()], as: .json)
        try SchemaValidator.expectValid(json, schema: "report.schema.json")
    }

    @Test func theGoldenReportValidates() throws {
        let json = Scorecard.render([SessionReport(try ReportFixtures.goldenSession(), file: "golden.json")], as: .json)
        try SchemaValidator.expectValid(json, schema: "report.schema.json")
    }

    /// The validator can fail: a report with `5` for no decision does not validate.
    @Test func theOldNoDecisionDoesNotValidate() throws {
        let json = Scorecard.render([try RichSessionReportTests.report()], as: .json)
            .replacingOccurrences(of: "\"recommendation\" : \"noDecision\"", with: "\"recommendation\" : 5")
        #expect(try SchemaValidator.problems(json, schema: "report.schema.json") != nil)
    }

    /// Every key docs/reports.md's report table names is one the schema has, and back.
    @Test func docsNameTheSchemasKeys() throws {
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: SchemaValidator.folder
            .appendingPathComponent("report.schema.json"))) as? [String: Any])
        let defs = try #require(schema["$defs"] as? [String: Any])
        var keys = Set<String>()
        for name in ["session", "question"] {
            let properties = try #require((defs[name] as? [String: Any])?["properties"] as? [String: Any])
            keys.formUnion(properties.keys)
        }
        let docs = try String(contentsOf: SchemaValidator.folder.deletingLastPathComponent().appendingPathComponent("reports.md"),
                              encoding: .utf8)
        for key in keys.sorted() { #expect(docs.contains("`\(key)`"), "docs/reports.md does not name \(key)") }
    }
}

enum SchemaValidator {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/schema")

    static let available: Bool = (try? run(["-c", "import jsonschema"]).status) == 0

    /// The validator's complaints about `json`, nil when it is valid.
    static func problems(_ json: String, schema: String) throws -> String? {
        let script = """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1]))
        jsonschema.Draft202012Validator.check_schema(schema)
        errors = list(jsonschema.Draft202012Validator(schema).iter_errors(json.load(sys.stdin)))
        for e in errors[:5]: print("/".join(map(str, e.absolute_path)), e.message)
        sys.exit(1 if errors else 0)
        """
        let result = try run(["-c", script, folder.appendingPathComponent(schema).path], input: json)
        return result.status == 0 ? nil : result.output
    }

    static func expectValid(_ json: String, schema: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let problems = try problems(json, schema: schema)
        #expect(problems == nil, "\(schema): \(problems ?? "")", sourceLocation: sourceLocation)
    }

    private static func run(_ arguments: [String], input: String = "") throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stdout
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let output = String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }
}
