import Foundation
import Testing

/// The program imports FoundationEssentials, never full Foundation: on Linux full Foundation
/// brings FoundationInternationalization and ICU's 34 MB of data into the binary
/// (docs/architecture.md). `import Foundation` may stand only as the fallback of
/// `#if canImport(FoundationEssentials)`, for platforms without it.
@Suite struct FoundationImportTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Sources").standardizedFileURL

    @Test func everySourceFileImportsFoundationEssentialsOnly() throws {
        let files = try Self.sourceFiles()
        #expect(files.count > 100, "found the sources in \(Self.sources.path)")
        var offenders: [String] = []
        for file in files {
            let text = try String(contentsOf: Self.sources.appendingPathComponent(file), encoding: .utf8)
            if let line = Self.fullFoundationImport(in: text) { offenders.append("Sources/\(file):\(line)") }
        }
        #expect(offenders.isEmpty, """
            full Foundation imported (use `#if canImport(FoundationEssentials)` / `import FoundationEssentials` / \
            `#else` / `import Foundation` / `#endif`): \(offenders.joined(separator: ", "))
            """)
    }

    /// A number among a file's attributes is an NSNumber where full Foundation is loaded (the
    /// debug build and the tests load it, through TOMLKit's `import struct Foundation.Data`)
    /// and a Swift integer where it is not (the static release build): a cast such as
    /// `[.size] as? Int64` works in the one and gives nil in the other. Sizes and modes come
    /// from `lstat` (`Erasure.size(of:)`) instead.
    @Test func noNumericFileAttributeIsCast() throws {
        let numeric = ["[.size]", "[.posixPermissions]", "[.systemNumber]", "[.systemFileNumber]", "[.referenceCount]",
                       "[.ownerAccountID]", "[.groupOwnerAccountID]"]
        var offenders: [String] = []
        for file in try Self.sourceFiles() {
            let text = try String(contentsOf: Self.sources.appendingPathComponent(file), encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where numeric.contains(where: line.contains) && !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
                offenders.append("Sources/\(file):\(number + 1)")
            }
        }
        #expect(offenders.isEmpty, "a numeric file attribute read through FileManager: \(offenders.joined(separator: ", "))")
    }

    @Test func onlyTheFallbackMayImportFoundation() {
        #expect(Self.fullFoundationImport(in: "#if canImport(FoundationEssentials)\nimport FoundationEssentials\n#else\nimport Foundation\n#endif\nimport Glibc\n") == nil)
        #expect(Self.fullFoundationImport(in: "import Glibc\nimport Foundation\n") == 2)
        #expect(Self.fullFoundationImport(in: "@preconcurrency import Foundation") == 1)
        #expect(Self.fullFoundationImport(in: "import struct Foundation.Date") == 1)
        #expect(Self.fullFoundationImport(in: "import FoundationInternationalization") == 1)
        #expect(Self.fullFoundationImport(in: "#if canImport(Glibc)\nimport Glibc\n#else\nimport Foundation\n#endif") == 4)
        #expect(Self.fullFoundationImport(in: "#if canImport(FoundationEssentials)\nimport FoundationEssentials\n#endif\nimport Foundation") == 4)
    }

    /// The line (from 1) of the first import of full Foundation that is not the fallback of
    /// `#if canImport(FoundationEssentials)`; nil when there is none.
    static func fullFoundationImport(in text: String) -> Int? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        let fallback = ["#if canImport(FoundationEssentials)", "import FoundationEssentials", "#else"]
        for (index, line) in lines.enumerated() {
            guard let module = importedModule(line), ["Foundation", "FoundationInternationalization"].contains(module) else { continue }
            let isFallback = module == "Foundation" && index >= 3 && Array(lines[(index - 3)..<index]) == fallback
                && index + 1 < lines.count && lines[index + 1] == "#endif"
            if !isFallback { return index + 1 }
        }
        return nil
    }

    /// The module an import line names (`@preconcurrency import struct Foundation.Date` names
    /// Foundation); nil when the line is not an import.
    static func importedModule(_ line: String) -> String? {
        var words = line.split(separator: " ").drop { $0.hasPrefix("@") }
        guard words.first == "import" else { return nil }
        words = words.dropFirst()
        let kinds: Set<Substring> = ["struct", "class", "enum", "protocol", "typealias", "func", "var", "let"]
        if let kind = words.first, kinds.contains(kind) { words = words.dropFirst() }
        return words.first?.split(separator: ".").first.map(String.init)
    }

    static func sourceFiles() throws -> [String] {
        let root = sources.path + "/"
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }.sorted()
    }
}
