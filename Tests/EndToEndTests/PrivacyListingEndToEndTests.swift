import Foundation
import Testing

/// What `forget`, `purge` and `anonymize` would do, as JSON for a script: the same listing,
/// nothing touched, and never together with --yes.
@Suite("Privacy listings as JSON", .serialized)
struct PrivacyListingEndToEndTests {
    static func entries(_ output: Binary.Output) throws -> (title: String, entries: [[String: Any]]) {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any], "\(output.stdout)")
        return (document["title"] as? String ?? "", document["entries"] as? [[String: Any]] ?? [])
    }

    @Test func forgetAndPurgeListAsJSONAndTouchNothing() throws {
        let archive = try PrivacyEndToEndTests.Archive()
        let paths = try archive.twoYears()
        let report = try archive.report(paths["ada-300"]!, as: "ada.md")
        let before = archive.files()

        let forget = try archive.run(["forget", "ada lovelace", "--format", "json"])
        #expect(forget.status == 0, "\(forget.stderr)")
        let listed = try Self.entries(forget)
        #expect(listed.title.hasPrefix("ada lovelace: 3 sessions and 1 report"), "\(listed.title)")
        let sessions = listed.entries.filter { $0["kind"] as? String == "session" }
        #expect(Set(sessions.compactMap { $0["path"] as? String }) == Set(["ada-720", "ada-300", "ada-30"].map { paths[$0]! }))
        #expect(sessions.allSatisfy { ($0["candidates"] as? [String]) == ["Ada Lovelace"] && $0["bytes"] as? Int != nil })
        #expect(listed.entries.contains { $0["kind"] as? String == "report" && $0["path"] as? String == report })
        #expect(listed.entries.contains { $0["kind"] as? String == "similar" && $0["path"] as? String == paths["byron-420"] })

        let purge = try archive.run(["purge", "--older-than", "1y", "--format", "json"])
        #expect(purge.status == 0, "\(purge.stderr)")
        let old = try Self.entries(purge).entries.filter { $0["kind"] as? String == "session" }.compactMap { $0["path"] as? String }
        #expect(old.contains(paths["ada-720"]!) && !old.contains(paths["ada-30"]!), "\(old)")
        #expect(PrivacyEndToEndTests.changed(before, archive.files()).isEmpty, "a listing touches nothing")

        for arguments in [["forget", "ada lovelace", "--format", "json", "--yes"], ["purge", "--older-than", "1y", "--format", "json", "--yes"]] {
            let refused = try archive.run(arguments)
            #expect(refused.status == 2)
            #expect(refused.stderr.contains("--format json lists what --yes would do"), "\(refused.stderr)")
        }
        #expect(PrivacyEndToEndTests.changed(before, archive.files()).isEmpty, "nothing deleted")
    }

    /// Without --yes, `anonymize` lists the sessions it would rewrite and the reports it
    /// would delete, and changes nothing; with it, it acts.
    @Test func anonymizeListsWithoutYesAndTouchesNothing() throws {
        let archive = try PrivacyEndToEndTests.Archive()
        let paths = try archive.twoYears()
        let report = try archive.report(paths["grace-200"]!, as: "grace.md")
        let before = archive.files()

        let listed = try archive.run(["anonymize", "grace hopper"])
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.hasPrefix("grace hopper: 2 sessions and 1 report"), "\(listed.stdout)")
        for path in [paths["grace-540"]!, paths["grace-200"]!, report] { #expect(listed.stdout.contains(path), "\(path)") }
        #expect(listed.stdout.contains("nothing changed. Anonymize them with: interview anonymize 'grace hopper' --yes"), "\(listed.stdout)")

        let json = try Self.entries(try archive.run(["anonymize", "grace hopper", "--format", "json"]))
        #expect(json.title.hasPrefix("grace hopper: 2 sessions and 1 report"))
        #expect(Set(json.entries.filter { $0["kind"] as? String == "session" }.compactMap { $0["path"] as? String })
                == [paths["grace-540"]!, paths["grace-200"]!])
        #expect(json.entries.contains { $0["kind"] as? String == "report" && $0["path"] as? String == report })
        let refused = try archive.run(["anonymize", "grace hopper", "--format", "json", "--yes"])
        #expect(refused.status == 2 && refused.stderr.contains("--format json lists what --yes would do"), "\(refused.stderr)")
        #expect(PrivacyEndToEndTests.changed(before, archive.files()).isEmpty, "a listing touches nothing")
        #expect(FileManager.default.fileExists(atPath: report))

        let done = try archive.run(["anonymize", "grace hopper", "--yes"])
        #expect(done.status == 0, "\(done.stderr)")
        #expect(!FileManager.default.fileExists(atPath: report) && !FileManager.default.fileExists(atPath: paths["grace-200"]!))
    }
}
