import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InterviewCore
import InterviewStore
import InterviewPrivacy

struct Forget: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forget",
        abstract: "Find every session and recorded report of a candidate; delete them with --yes.",
        discussion: HelpExamples.discussion("""
            NAME matches a session's candidate exactly, ignoring case and runs of spaces; sessions of \
            similar names are shown and left alone unless named by --id (the short id shown, or the \
            whole id). Reports are those `report -o` and `debrief -o` wrote (recorded in reports-written) that report on \
            one of those sessions or name the candidate. With --yes each file is unlinked and its folder \
            flushed, and the candidate's files leave the program's memory of --out files. What cannot \
            be reached (a report moved elsewhere) is said. See docs/privacy.md.
            """, "forget"))

    @Argument(help: "The candidate's name, as in the sessions.", completion: Complete.candidate)
    var name: String?

    @Option(name: .customLong("id"), help: ArgumentHelp("A session to include by its id (or short id); repeatable.", valueName: "id"))
    var ids: [String] = []

    @Flag(help: "Delete them (without it, only list them).")
    var yes = false

    @OptionGroup var output: ListingFormatOption

    func validate() throws {
        if (name ?? "").allSatisfy(\.isWhitespace), ids.isEmpty { throw ValidationError("name a candidate, or a session with --id") }
        if yes, output.format == .json { throw ValidationError(ListingFormatOption.onlyListing) }
    }

    func run() throws {
        let data = IndexedListings.storedData(SessionStore.standard())
        let name = self.name.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
        let found = ForgetSelection(name: name, ids: ids, data: data)
        let (chosen, reports, near) = (found.sessions, found.reports, found.similar)
        let who = name.map { VisibleText.visible($0) } ?? "The sessions named by --id"
        var listing = Privacy.Listing()
        listing.title("\(who): \(Privacy.count(sessions: chosen.count, reports: reports.count))")
        for session in chosen { listing.session(session) }
        for report in reports { listing.report(report) }
        if !near.isEmpty {
            listing.section("Similar names, left alone (add --id ID to include one):")
            for session in near { listing.session(session, showID: true) }
        }
        for id in found.unmatchedIDs { listing.note("no session has the id \(VisibleText.visible(id))") }
        for session in found.unreadable {
            listing.note("cannot be read as a session, so it may hold anyone's data (not touched): \(VisibleText.visible(session.path))")
        }
        listing.unreachable(data)
        if output.format == .json { return try listing.printJSON() }
        print(listing.text(), terminator: "")
        guard !chosen.isEmpty || !reports.isEmpty else { return }
        guard yes else {
            var again = ["interview", "forget"]
            if let name { again.append(Privacy.quoted(name)) }
            for id in ids { again += ["--id", Privacy.quoted(id)] }
            print("\(Privacy.count(sessions: chosen.count, reports: reports.count)), \(Erasure.describe(bytes: listing.bytes)): nothing deleted. Delete them with: \((again + ["--yes"]).joined(separator: " "))")
            return
        }
        var failures = Privacy.delete(sessions: chosen, reports: reports, data: data, candidate: name,
                                      stillChosen: found.chooses)
        Privacy.forgetUnreachable(data, into: &failures)
        let deleted = "Deleted " + Privacy.count(sessions: chosen.count - failures.sessions, reports: reports.count - failures.reports)
        print(failures.records == 0 ? deleted + ", and forgot them." : deleted + ", but the program's records still name some of them (said above).")
        if failures.any { throw ExitCode(1) }
    }
}
