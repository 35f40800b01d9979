import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InterviewCore
import InterviewStore
import InterviewPrivacy

struct Purge: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purge",
        abstract: "List the sessions older than the retention (and the reports written from them); delete them with --yes.",
        discussion: HelpExamples.discussion("""
            The retention is --older-than, else `retention = "180d"` in config.toml. A session's age is \
            the time since it started; a recorded report (`report -o`) goes with the oldest session it \
            reports on. Sessions are those of the sessions folder and the files `run --out` wrote. \
            Deleting unlinks each file and flushes its folder; a session a running interview holds is \
            kept. See docs/privacy.md.
            """, "purge"))

    @Option(name: .customLong("older-than"), help: ArgumentHelp("The age past which sessions go, e.g. 90d, 26w or 2y (default: config.toml's retention).", valueName: "age"))
    var olderThan: String?

    @Flag(help: "Delete them (without it, only list them).")
    var yes = false

    @OptionGroup var output: ListingFormatOption

    func validate() throws {
        if yes, output.format == .json { throw ValidationError(ListingFormatOption.onlyListing) }
    }

    func run() throws {
        let days: Int
        if let olderThan {
            guard let parsed = RetentionPeriod.days(olderThan) else {
                throw exitWithInputError(InputError(file: "--older-than",
                                                    message: "bad age \"\(VisibleText.visible(olderThan))\": expected \(RetentionPeriod.expected)"))
            }
            days = parsed
        } else if let configured = try Defaults.config().retentionDays {
            days = configured
        } else {
            printError("no retention to purge by: expected --older-than 90d, or retention = \"180d\" in \(Config.folder().appendingPathComponent("config.toml").path)")
            throw ExitCode(2)
        }
        let cutoff = RetentionPeriod.cutoff(days: days, now: Date())
        let data = IndexedListings.storedData(SessionStore.standard())
        let sessions = data.sessions.filter { ($0.startedAt ?? .distantFuture) < cutoff }
        let undated = data.sessions.filter { $0.startedAt == nil }
        // Only what reads as a report of the program goes: a recorded path is never enough.
        let reports = data.reports.filter { report in
            guard report.exists, !report.mentions.isEmpty else { return false }
            let dates = report.mentions.compactMap(\.date)
            return dates.isEmpty ? (report.modified ?? .distantFuture) < cutoff : dates.contains { $0 < cutoff }
        }
        let unknown = data.reports.filter { $0.exists && $0.mentions.isEmpty }
        let age = RetentionPeriod.describe(days: days)
        let again = "interview purge" + (olderThan.map { " --older-than \(Privacy.quoted($0))" } ?? "") + " --yes"
        var listing = Privacy.Listing()
        listing.title("Older than \(age) (started before \(ReportText.date(ISO8601.string(cutoff)))):")
        for session in sessions { listing.session(session) }
        for report in reports { listing.report(report) }
        listing.unreachable(data)
        for report in unknown {
            listing.note("recorded as a report, but not one this program reads back, kept: \(VisibleText.visible(report.path))")
        }
        for session in undated {
            listing.note("cannot tell when it started, kept: \(VisibleText.visible(session.path))"
                         + (session.error.map { " (\($0.message))" } ?? ""))
        }
        if output.format == .json { return try listing.printJSON() }
        guard !sessions.isEmpty || !reports.isEmpty else {
            print(listing.text(emptyTitle: "No session is older than \(age) (in \(VisibleText.visible(data.store.folder.path)))."),
                  terminator: "")
            guard yes else { return }
            var failures = Erasure.Failures()
            Privacy.forgetUnreachable(data, into: &failures)
            if failures.any { throw ExitCode(1) }
            return
        }
        print(listing.text(), terminator: "")
        let total = Privacy.count(sessions: sessions.count, reports: reports.count) + ", " + Erasure.describe(bytes: listing.bytes)
        guard yes else {
            print("\(total): nothing deleted. Delete them with: \(again)")
            return
        }
        var failures = Privacy.delete(sessions: sessions, reports: reports, data: data) { ($0.startedAt ?? .distantFuture) < cutoff }
        Privacy.forgetUnreachable(data, into: &failures)
        print("Deleted \(Privacy.count(sessions: sessions.count - failures.sessions, reports: reports.count - failures.reports)).")
        if failures.any { throw ExitCode(1) }
    }
}
