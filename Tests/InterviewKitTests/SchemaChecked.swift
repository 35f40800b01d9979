import Foundation
import SchemaCheck
import Testing
@testable import InterviewCore

extension SessionFile {
    /// `encoded()`, checked against docs/schema/session.schema.json: the tests write the
    /// session files the program writes, and each is checked where it is written.
    func checkedEncoding(sourceLocation: SourceLocation = #_sourceLocation) throws -> Data {
        let data = try encoded()
        SchemaCheck.expectValid(data, .session, sourceLocation: sourceLocation)
        return data
    }
}

extension SchemaCheck.Schema {
    /// The schema of a JSON document by its file name (`report.json`, `debrief-….json`),
    /// nil for a file that is none of them.
    init?(documentNamed name: String) {
        guard name.hasSuffix(".json"), let schema = Self.allCases.first(where: { name.hasPrefix($0.rawValue) }) else { return nil }
        self = schema
    }
}
