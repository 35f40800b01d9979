import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InterviewCore
import InterviewStore
import InterviewReports

struct DebriefCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "debrief",
        abstract: "One candidate's sessions side by side: each question's ratings, times and ticks per interviewer, the recommendations, where interviewers disagree, a summary by tag.",
        discussion: HelpExamples.discussion("""
            Every session must be of one candidate (names compared ignoring case and \
            spaces); sessions of two candidates are refused, naming both. Questions are \
            matched across sessions by id, else by prompt. Markdown, HTML or JSON, on \
            standard output or in FILE (written with mode 0600, as `report -o` writes: \
            only as a new file or over a report or debrief interview wrote, --force for \
            any other file, never over a session; recorded, so that `forget`, `purge` \
            and `anonymize` find it). See docs/reports.md.
            """, "debrief"))

    @Argument(help: "Session files of one candidate.", completion: Complete.session)
    var sessions: [String]

    @Option(help: ArgumentHelp("Markdown, HTML or JSON.", valueName: "markdown|html|json"))
    var format: ReportFormat = .markdown

    @Option(name: [.customShort("o"), .customLong("output")],
            help: ArgumentHelp("Write to FILE (default: standard output).", valueName: "file"), completion: .file())
    var output: String?

    @Flag(help: "Write over a file that is not a report interview wrote, or into the sessions folder (never over a session).")
    var force = false

    func validate() throws {
        if sessions.isEmpty { throw ValidationError("name at least one session file") }
    }

    @Flag(help: "A panel's debrief before every member has submitted: what is in, marked as partial.")
    var partial = false

    func run() throws {
        let text = try panelText() ?? sideBySide()
        try write(text)
    }

    /// The sessions named, side by side.
    private func sideBySide() throws -> String {
        var files: [(file: String, session: SessionFile)] = []
        var errors: [InputError] = []
        var seen: Set<String> = []
        for path in sessions where seen.insert(Self.canonical(path)).inserted {
            do {
                files.append((path, try SessionStore.read(path)))
            } catch {
                errors.append(error)
            }
        }
        guard errors.isEmpty else {
            for error in errors { printError(error.description) }
            throw ExitCode(2)
        }
        let debrief: InterviewReports.Debrief
        do {
            debrief = try InterviewReports.Debrief(files)
        } catch {
            throw exitWithInputError(error)
        }
        return debrief.render(as: format.format)
    }

    private func write(_ text: String) throws {
        guard let output else {
            print(text, terminator: "")
            return
        }

        if output.hasSuffix("/") || PathKind(atPath: output) == .folder {
            throw exitWithInputError(InputError(file: output,
                                                message: "is a folder: expected the name of the file to write the debrief in"))
        }
        // As `report -o`: never over a session (one of those debriefed, or any other).
        let url = URL(fileURLWithPath: output)
        let store = SessionStore.standard()
        if sessions.contains(where: { Self.canonical($0) == Self.canonical(output) }) {
            throw exitWithInputError(InputError(file: output, message: "is a session file: expected another output file"))
        }
        if let refusal = ReportTarget.refusal(url, store: store, force: force) { throw exitWithInputError(refusal) }
        do {
            try SessionStore.writeAtomically(Data(text.utf8), to: url)
        } catch {
            printError("cannot write the debrief: \(error)")
            throw ExitCode(1)
        }
        print(output)
        // Recorded, so that the privacy commands find it (it holds the name and the notes).
        do throws(SessionStore.WriteError) {
            try store.recordReports([url.path])
        } catch {
            printError("the debrief is written, but not recorded in \(store.reportsWrittenFile.path) (\(error)): "
                       + "`forget`, `purge` and `anonymize` will not find it")
            throw ExitCode(1)
        }
    }

    static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
