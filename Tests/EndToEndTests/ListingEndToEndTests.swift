import Foundation
import Testing

/// The listing commands for a script: `--format json` on `banks`, `themes` and
/// `validate`, no escape codes in a pipe, and relative days for `stats --since/--until`.
@Suite("Listings for scripts")
struct ListingEndToEndTests {
    static func json(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, value: Any, stderr: String) {
        let result = try Binary.run(arguments, environment: environment)
        let value = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        return (result.status, value, result.stderr)
    }

    @Test func themesIntoAPipeHaveNoEscapeCodes() throws {
        let result = try Binary.run(["themes"], environment: ["TERM": "xterm-256color", "COLORTERM": "truecolor"])
        #expect(result.status == 0)
        #expect(!result.stdout.contains("\u{1B}"), "\(result.stdout.debugDescription)")
        #expect(result.stdout.contains("high-contrast"))
    }

    @Test func themesAsJSON() throws {
        let (status, value, _) = try Self.json(["themes", "--format", "json"])
        #expect(status == 0)
        let themes = try #require(value as? [[String: Any]])
        #expect(themes.compactMap { $0["name"] as? String } == ["colorblind", "default", "high-contrast", "light", "monochrome", "muted"])
        #expect(themes.allSatisfy { $0["source"] as? String == "built-in" && $0["usable"] as? Bool == true })
    }

    @Test func banksAsJSON() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("banks-json-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let banks = home.appendingPathComponent("interview/banks")
        try FileManager.default.createDirectory(at: banks, withIntermediateDirectories: true)
        try Data("not a bank\n".utf8).write(to: banks.appendingPathComponent("broken.md"))
        let (status, value, stderr) = try Self.json(["banks", "--format", "json"], environment: ["XDG_DATA_HOME": home.path])
        #expect(status == 2, "a bank that cannot be used")
        #expect(stderr.contains("broken.md:"))
        let listed = try #require(value as? [[String: Any]])
        let builtin = try #require(listed.first { $0["name"] as? String == "machine-learning" })
        #expect(builtin["questions"] as? Int == 15)
        #expect(builtin["durationSeconds"] as? Int == 2700)
        #expect(builtin["place"] as? String == "built-in")
        let broken = try #require(listed.first { $0["name"] as? String == "broken" })
        #expect(broken["place"] as? String == "own")
        let error = try #require(broken["error"] as? [String: Any])
        #expect(error["file"] as? String == banks.appendingPathComponent("broken.md").path)
        #expect(error["line"] as? Int == 1 && error["column"] as? Int == 1 && error["message"] as? String != nil)
    }

    @Test func validateAsJSON() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("validate-json-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let broken = folder.appendingPathComponent("broken.md").path
        try Data("not a bank\n".utf8).write(to: URL(fileURLWithPath: broken))
        let (status, value, _) = try Self.json(["validate", "--format", "json", "machine-learning", broken])
        #expect(status == 2)
        let checked = try #require(value as? [[String: Any]])
        #expect(checked.count == 2)
        #expect(checked.first?["ok"] as? Bool == true)
        #expect(checked.first?["questions"] as? Int == 15)
        #expect(checked.last?["ok"] as? Bool == false)
        let errors = try #require(checked.last?["errors"] as? [[String: Any]])
        #expect(errors.first?["file"] as? String == broken)

        let good = try Self.json(["validate", "--format", "json", "machine-learning"])
        #expect(good.status == 0)

        // A whole-file problem has no line or column to give: none is made up.
        let missing = folder.appendingPathComponent("nosuch.md").path
        let gone = try Self.json(["validate", "--format", "json", missing])
        let problem = try #require(((gone.value as? [[String: Any]])?.first?["errors"] as? [[String: Any]])?.first)
        #expect(problem["file"] as? String == missing && problem["line"] == nil && problem["column"] == nil, "\(problem)")
    }

    @Test func statsTakesDaysCountedBackFromToday() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("stats-days-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: empty) }
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let (status, value, stderr) = try Self.json(["stats", empty.path, "--since", "2w", "--until", "yesterday", "--format", "json"])
        #expect(status == 0, "\(stderr)")
        let filter = try #require((value as? [String: Any])?["filter"] as? [String: Any])
        let since = try #require(filter["since"] as? String)
        #expect(since.count == 10 && since.hasPrefix("20"), "the day it names: \(since)")
    }
}
