import ArgumentParser
import Foundation
import InterviewKit

/// `--format text|json` of the commands that list things (`banks`, `themes`, `validate`):
/// text for a person, JSON (an array, keys sorted, one value per key) for a script.
enum ListingFormat: String, CaseIterable, ExpressibleByArgument {
    case text, json

    /// Prints `items` as JSON on standard output.
    static func printJSON<Item: Encodable>(_ items: [Item]) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(items), as: UTF8.self))
    }
}

/// The `--format` option of a listing command.
struct ListingFormatOption: ParsableArguments {
    @Option(help: ArgumentHelp("text for a person, json for a script.", valueName: "text|json"))
    var format: ListingFormat = .text
}

/// A problem with a file, as JSON: where it is and what.
struct ProblemJSON: Encodable {
    var file: String
    var line: Int
    var column: Int
    var message: String
}

extension ProblemJSON {
    init(_ error: InputError) {
        self.init(file: error.file, line: error.line, column: error.column, message: error.message)
    }
}
