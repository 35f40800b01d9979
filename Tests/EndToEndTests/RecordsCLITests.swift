import Foundation
import Testing
import InterviewStore
import InterviewPrivacy

/// Every file written with a candidate's data is recorded, so that the privacy commands
/// find it, and a record that cannot be written is said, exit 1 (docs/privacy.md).
@Suite("Records of what the program wrote", .serialized)
struct RecordsCLITests {
    typealias Archive = PrivacyEndToEndTests.Archive

    @Test func aDebriefIsRecordedAndFollowsReportsRules() throws {
        let archive = try Archive()
        let old = try archive.session("Ada Lovelace", daysAgo: 400, rating: 3, notes: ["her notes"])
        let new = try archive.session("Ada Lovelace", daysAgo: 10, rating: 2)
        let folder = archive.scratch.url.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var debriefs: [String] = []
        for format in ["markdown", "html", "json"] {
            let path = folder.appendingPathComponent("debrief-\(format)").path
            let written = try archive.run(["debrief", old, new, "--format", format, "-o", path])
            #expect(written.status == 0, "\(written.stderr)")
            debriefs.append(path)
        }
        #expect(RecordedReport.recordedPaths(archive.recordFile) == debriefs)
        for debrief in debriefs {
            let found = RecordedReport.load(debrief)
            #expect(found.mentions.count == 2, "\(debrief): \(found.mentions)")
            #expect(try found.reports(on: SessionStore.read(old)) && found.reports(on: SessionStore.read(new)), "\(debrief)")
        }
        // Written again over its own: allowed; over another file: only with --force.
        let again = try archive.run(["debrief", old, new, "-o", debriefs[0]])
        #expect(again.status == 0, "\(again.stderr)")
        let notes = try archive.scratch.write("notes.txt", "mine")
        let refused = try archive.run(["debrief", old, "-o", notes])
        #expect(refused.status == 2 && refused.stderr.contains("exists and is not a report interview wrote"), "\(refused.stderr)")
        #expect(try String(contentsOfFile: notes, encoding: .utf8) == "mine")
        #expect(try archive.run(["debrief", old, "-o", notes, "--force"]).status == 0)

        // purge takes the debrief of a session past the retention; forget every one of the candidate's.
        let purged = try archive.run(["purge", "--older-than", "365d", "--yes"])
        #expect(purged.status == 0, "\(purged.stderr)")
        for debrief in debriefs { #expect(!FileManager.default.fileExists(atPath: debrief), "purge left \(debrief)") }
        let kept = folder.appendingPathComponent("recent.md").path
        #expect(try archive.run(["debrief", new, "-o", kept]).status == 0)
        let forgot = try archive.run(["forget", "Ada Lovelace", "--yes"])
        #expect(forgot.status == 0 && forgot.stdout.contains("and forgot them"), "\(forgot.stdout)\(forgot.stderr)")
        #expect(!FileManager.default.fileExists(atPath: kept) && !FileManager.default.fileExists(atPath: notes))
    }

    @Test func aReportPathWithALineBreakAndABankOverASessionAreRefused() throws {
        let archive = try Archive()
        let session = try archive.session("Ada Lovelace", daysAgo: 3, rating: 3)
        let broken = archive.scratch.url.appendingPathComponent("a\nb.md").path
        let report = try archive.run(["report", session, "-o", broken])
        #expect(report.status == 2 && report.stderr.contains("has a line break in its name"), "\(report.stderr)")
        #expect(!FileManager.default.fileExists(atPath: broken))

        let before = try Data(contentsOf: URL(fileURLWithPath: session))
        let article = try archive.scratch.write("article.md", "# Questions\n\n1. What is overfitting?\n\nFitting the noise of the data.\n")
        let bank = try archive.run(["import", article, "-o", session, "--force"])
        #expect(bank.status == 2 && bank.stderr.contains("is a session file"), "\(bank.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: session)) == before)
    }

    /// The data folder (with its records) on a tmpfs filled to the last block, for the
    /// program alone: `STAGE` is copied in first.
    static func onFullDisk(_ data: URL, stage: URL) -> [String] {
        ["/usr/bin/unshare", "--mount", "--propagation", "private", "/bin/sh", "-c",
         "mount -t tmpfs -o size=64k interview-full \"$0\" && cp -a \"$1\"/. \"$0\"/ "
            + "&& { dd if=/dev/zero of=\"$0\"/filler bs=1k 2>/dev/null; true; } && shift && exec \"$@\"",
         data.path, stage.path]
    }

    @Test(.enabled(if: FullDiskEndToEndTests.canMount, "no mount namespaces here (needs root): skipped"))
    func recordsThatCannotBeWrittenAreSaid() throws {
        let archive = try Archive()
        let elsewhere = archive.scratch.url.appendingPathComponent("elsewhere")
        let ada = try archive.session("Ada Lovelace", daysAgo: 5, rating: 3, outside: elsewhere.appendingPathComponent("ada.json"))
        let bob = try archive.session("Bob Byron", daysAgo: 5, rating: 2, outside: elsewhere.appendingPathComponent("bob.json"))
        _ = try archive.session("Cleo Curie", daysAgo: 5, rating: 2, outside: elsewhere.appendingPathComponent("cleo.json"))
        let stage = archive.scratch.url.appendingPathComponent("stage")
        try FileManager.default.copyItem(at: archive.dataFolder, to: stage)
        func onFullDisk(_ arguments: [String]) throws -> Binary.Output {
            let command = Self.onFullDisk(archive.dataFolder, stage: stage) + [try Binary.path()] + arguments
            return try Binary.run(Array(command.dropFirst()), environment: archive.environment, executable: command[0])
        }
        let forgot = try onFullDisk(["forget", "Ada Lovelace", "--yes"])
        #expect(forgot.status == 1, "\(forgot.stdout)\(forgot.stderr)")
        #expect(forgot.stderr.contains("cannot update \(archive.store.knownFile.path)"), "\(forgot.stderr)")
        #expect(!forgot.stdout.contains("forgot them"), "\(forgot.stdout)")
        #expect(!FileManager.default.fileExists(atPath: ada), "the session itself is deleted")

        let anonymized = try onFullDisk(["anonymize", "Bob Byron"])
        #expect(anonymized.status == 1, "\(anonymized.stdout)\(anonymized.stderr)")
        #expect(anonymized.stderr.contains("cannot update \(archive.store.knownFile.path)"), "\(anonymized.stderr)")
        #expect(!FileManager.default.fileExists(atPath: bob))
    }
}
