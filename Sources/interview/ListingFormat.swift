import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InterviewCore

/// `--format text|json` of the commands that list things (`banks`, `themes`, `validate`,
/// `purge` and `forget` without --yes): text for a person, JSON (keys sorted) for a script.
enum ListingFormat: String, CaseIterable, ExpressibleByArgument {
    case text, json

    /// Prints `value` as JSON on standard output.
    static func printJSON(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}

/// The `--format` option of a listing command.
struct ListingFormatOption: ParsableArguments {
    @Option(help: ArgumentHelp("text for a person, json for a script.", valueName: "text|json"))
    var format: ListingFormat = .text

    /// `purge` and `forget` list in JSON; they delete in words.
    static let onlyListing = "--format json lists what --yes would do: run it without --yes, then with --yes alone"
}

/// A problem with a file, as JSON: where it is and what; no line and column for a
/// problem of the whole file (missing, unreadable, a folder).
struct ProblemJSON: Encodable {
    var file: String
    var line: Int?
    var column: Int?
    var message: String
}

extension ProblemJSON {
    init(_ error: InputError) {
        let placed = error.line > 0
        self.init(file: error.file, line: placed ? error.line : nil, column: placed ? error.column : nil,
                  message: error.message)
    }
}
