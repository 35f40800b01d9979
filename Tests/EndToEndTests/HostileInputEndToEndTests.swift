import Foundation
import InterviewCore
import Testing

/// Text that tries to act on the terminal, from every door: a bank, the command line,
/// typed notes, a session file read back. The real binary in tmux, with every byte it
/// sends recorded: nothing of it may reach the terminal raw.
@Suite(.serialized, .enabled(if: Tmux.isAvailable, "tmux is not installed: end-to-end tests of the screen skipped"))
struct HostileInputEndToEndTests {
    /// Each payload, and how it must read on the screen. Distinctive parameters, so that
    /// finding one in the output cannot be ncurses' own doing.
    static let payloads: [(raw: String, shown: String)] = [
        ("\u{1B}[2J\u{1B}[31;1;4;5;7m", "^[[2J^[[31;1;4;5;7m"),
        ("\u{1B}]0;owned-title\u{07}", "^[]0;owned-title^G"),
        ("\u{1B}]2;owned-two\u{1B}\\", "^[]2;owned-two^[\\"),
        ("\u{1B}]52;c;b3duZWQtY2xpcA==\u{07}", "^[]52;c;b3duZWQtY2xpcA==^G"),
        ("\u{1B}]8;;https://owned.example/\u{1B}\\link\u{1B}]8;;\u{1B}\\", "^[]8;;https://owned.example/^[\\link"),
        ("\u{1B}P+q6f776e6564\u{1B}\\", "^[P+q6f776e6564^[\\"),
        ("\u{1B}_Gowned-apc\u{1B}\\", "^[_Gowned-apc^[\\"),
        ("nul\u{00}bel\u{07}bs\u{08}ff\u{0C}del\u{7F}", "nul^@bel^Gbs^Hff^Ldel^?"),
        ("\u{9B}7777X\u{9D}0;owned-c1\u{9C}", "<U+9B>7777X<U+9D>0;owned-c1<U+9C>"),
        ("\u{202E}exe.txt\u{202C}\u{2066}iso\u{2069}", "<U+202E>exe.txt<U+202C><U+2066>iso<U+2069>"),
        // Joined emoji and flags show as their first character, padded to the cell's width.
        ("zero\u{200B}wid\u{200D}th\u{FEFF}! 日本語 👩‍💻 🇯🇵 e\u{301}", "zerowidth! 日本語 👩 🇯  é"),
    ]

    /// One question per payload: in its prompt, a tag, every section and a rubric item.
    static var bankText: String {
        var text = "---\ntitle: Hostile \u{1B}]0;owned-bank\u{07}\nduration: 30m\n---\n"
        for (n, payload) in payloads.enumerated() {
            text += "\n## Q\(n + 1) \(payload.raw) end\ntime: 2m\ntags: t\(n + 1), \(payload.raw)\n\n"
                + "### Why ask\nWhy \(payload.raw)\n\n### Expected answer\n- \(payload.raw)\n\n"
                + "### How to evaluate\nHow \(payload.raw)\n\n### Rubric\n- [ ] Item \(payload.raw)\n"
        }
        return text
    }

    /// What a terminal must never receive from text: introducers of OSC, DCS, APC, PM,
    /// SOS, a BEL, an 8-bit C1 control; and no payload as it was written.
    static func checkNothingRaw(_ output: Data, sourceLocation: SourceLocation = #_sourceLocation) {
        // The program's own question to the terminal, its background colour (OSC 11, when no
        // theme was chosen): the one control string it sends, with nothing of any file in it.
        let text = String(decoding: output, as: UTF8.self).replacingOccurrences(of: "\u{1B}]11;?\u{07}", with: "")
        #expect(!output.isEmpty, "nothing was recorded", sourceLocation: sourceLocation)
        #expect(String(data: output, encoding: .utf8) != nil, "the output is valid UTF-8", sourceLocation: sourceLocation)
        for (name, introducer) in [("OSC", "\u{1B}]"), ("DCS", "\u{1B}P"), ("APC", "\u{1B}_"), ("PM", "\u{1B}^"), ("SOS", "\u{1B}X"), ("BEL", "\u{07}")] {
            #expect(!text.contains(introducer), "\(name) sent to the terminal", sourceLocation: sourceLocation)
        }
        let c1 = text.unicodeScalars.filter { (0x80...0x9F).contains($0.value) }
        #expect(c1.isEmpty, "C1 controls sent: \(c1.map { String($0.value, radix: 16) })", sourceLocation: sourceLocation)
        for payload in payloads where payload.raw.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
            #expect(!text.contains(payload.raw), "payload sent raw: \(payload.raw.debugDescription)", sourceLocation: sourceLocation)
        }
        for bidi in ["\u{202E}", "\u{2066}", "\u{2069}"] {
            #expect(!text.contains(bidi), "bidi control sent raw", sourceLocation: sourceLocation)
        }
    }

    @Test func aHostileBankShowsMarksAndSendsNothingRaw() throws {
        let tmux = try Tmux()
        let bank = tmux.home.appendingPathComponent("hostile.md")
        try Data(Self.bankText.utf8).write(to: bank)
        let title = try { () throws -> String in
            try tmux.tmux(["new-session", "-d", "-s", "probe", "sleep 30"])
            return try tmux.paneTitle("probe")
        }()
        try tmux.start(["run", bank.path, "--candidate", "Ada \u{1B}]0;owned-cand\u{07}", "--interviewer", "\u{9B}7777X"],
                       reportExit: true, recordOutput: true)
        for (n, payload) in Self.payloads.enumerated() {
            try tmux.waitFor("Q\(n + 1) ")
            let screen = try tmux.waitFor("1 [ ] Item")  // the whole frame is drawn
            #expect(screen.contains(payload.shown), "question \(n + 1) shows \(payload.shown):\n\(screen)")
            if n == 1 {
                // A typed ESC is the Escape key: C0 controls come from files, not from typing.
                let typeable = Self.payloads.filter { !$0.raw.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } }
                try tmux.type("note " + typeable.map(\.raw).joined(separator: " "))
                try tmux.waitFor("note <U+9B>7777X")
            }
            try tmux.command("n")
        }
        try tmux.waitFor("Wrap-up")
        try tmux.command("q", "y")
        try tmux.waitFor("exit status 0")
        Self.checkNothingRaw(tmux.output())
        #expect(try tmux.paneTitle() == title, "the pane title is unchanged")
        #expect(try tmux.tmux(["list-buffers"]).isEmpty, "nothing reached the clipboard (OSC 52)")

        let session = try tmux.onlySession()
        #expect(session["candidate"] as? String == "Ada \u{1B}]0;owned-cand\u{07}", "the session keeps the data as it was")
        let notes = (session["questions"] as? [[String: Any]])?[1]["notes"] as? [[String: Any]]
        #expect((notes?.first?["text"] as? String)?.hasPrefix("note \u{9B}7777X") == true)
    }

    @Test func hostileNotesReadBackOnResumeReplayAndMirrorAsMarks() throws {
        let tmux = try Tmux()
        let bank = try BankParser.parse(bytes: Array(Self.bankText.utf8), file: "hostile.md")
        var engine = SessionEngine(bank: bank, id: "back", candidate: "Back \u{1B}]0;owned\u{07}", interviewer: "",
                                   startedAt: Date())
        engine.perform(.setNotes([NoteLine(at: 1, text: Self.payloads.map(\.raw).joined(separator: "|"))]), at: 2)
        engine.perform(.interrupt, at: 3)
        let path = tmux.home.appendingPathComponent("back.json").path
        try engine.snapshot(at: 3).encoded().write(to: URL(fileURLWithPath: path))
        let shown = Self.payloads.map(\.shown).joined(separator: "|")

        for command in [["resume", path], ["replay", path], ["mirror", path]] {
            let name = command[0]
            try tmux.start(command, name: name, width: 200, height: 60, reportExit: true, recordOutput: true)
            if name == "replay" { try tmux.send("End", to: name) }
            if name == "mirror" {
                try tmux.waitFor("Q1 ^[[2J^[[31;1;4;5;7m end", in: name)
            } else {
                let screen = try tmux.waitFor("^[[2J^[[31;1;4;5;7m|^[]0;owned-title^G", in: name)
                #expect(screen.contains(String(shown.prefix(60))), "\(name) shows the marks:\n\(screen)")
            }
            if name == "resume" { try tmux.command("q", "l", to: name) } else { try tmux.send("q", to: name) }
            try tmux.waitFor("exit status", in: name)
            Self.checkNothingRaw(tmux.output(name))
        }
    }

    @Test func invalidUTF8OnTheCommandLineIsRepairedAndSaved() throws {
        let tmux = try Tmux()
        try tmux.start(["run", "--out", tmux.home.appendingPathComponent("argv.json").path], reportExit: true, recordOutput: true,
                       shellArguments: "--candidate \"$(printf 'Ada\\377\\033]0;owned\\007')\" --interviewer \"$(printf '\\300\\257')\"")
        try tmux.waitFor("Question 1/15")
        try tmux.command("q", "y")
        try tmux.waitFor("exit status 0")
        Self.checkNothingRaw(tmux.output())
        let data = try Data(contentsOf: tmux.home.appendingPathComponent("argv.json"))
        let session = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(session["candidate"] as? String == "Ada\u{FFFD}\u{1B}]0;owned\u{07}", "invalid bytes become U+FFFD")
        #expect((session["interviewer"] as? String)?.contains("\u{FFFD}") == true)
        let report = try Binary.run(["report", tmux.home.appendingPathComponent("argv.json").path])
        #expect(report.status == 0)
        #expect(report.stdout.contains("Ada\u{FFFD}^\\[]0;owned^G"), "\(report.stdout)")
    }
}

/// The command line's own output (stdout, stderr) shows hostile text as marks too.
@Suite("Hostile text on the command line", .serialized)
struct HostileCommandLineTests {
    @Test func validatePrintsAHostileTitleAsMarks() throws {
        let scratch = try CLITests.Scratch()
        let path = try scratch.write("hostile.md", HostileInputEndToEndTests.bankText)
        let result = try Binary.run(["validate", path], environment: scratch.environment)
        // Control characters in a bank are an error of validate, said as marks.
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("control character"), "\(result.stderr)")
        #expect(!result.stdout.contains("\u{1B}") && !result.stderr.contains("\u{1B}"))
    }

    @Test func invalidUTF8InABankIsAnErrorAtItsPlace() throws {
        let scratch = try CLITests.Scratch()
        let path = scratch.url.appendingPathComponent("bad.md").path
        var bytes = Array("---\ntitle: Bad\n---\n## Prompt ".utf8) + [0xFF, 0xFE] + Array(" end\n### Expected answer\nx\n".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        for command in [["validate", path], ["run", path]] {
            let result = try Binary.run(command, environment: scratch.environment)
            #expect(result.status == 2, "\(command[0])")
            #expect(result.stderr.contains("\(path):4:11: invalid UTF-8"), "\(command[0]): \(result.stderr)")
        }
        bytes = Array("---\ntitle: Bad \u{1B}]0;owned\u{07}\n---\n## P\n### Expected answer\nx\n### Bad\n".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let result = try Binary.run(["validate", path], environment: scratch.environment)
        #expect(result.status == 2)
        #expect(!result.stderr.contains("\u{1B}"), "an error message never carries a raw escape: \(result.stderr)")
    }

    @Test func invalidUTF8InASessionFileIsAClearError() throws {
        let scratch = try CLITests.Scratch()
        let good = try ReportCLITests.writeSession("good.json", candidate: "Ada", in: scratch.url)
        var data = try Data(contentsOf: URL(fileURLWithPath: good))
        let range = try #require(data.range(of: Data("\"Ada\"".utf8)))
        data.replaceSubrange(range, with: Data([0x22, 0x41, 0xFF, 0x1B, 0x5D, 0x22]))
        let bad = scratch.url.appendingPathComponent("bad.json").path
        try data.write(to: URL(fileURLWithPath: bad))
        for command in [["report", bad], ["resume", bad], ["replay", bad]] {
            let result = try Binary.run(command, environment: scratch.environment)
            #expect(result.status == 2, "\(command[0]): \(result.status) \(result.stderr)")
            #expect(result.stderr.hasPrefix("interview: \(bad):"), "\(command[0]): \(result.stderr)")
            #expect(!result.stderr.contains("\u{1B}") && !result.stdout.contains("\u{1B}"))
        }
    }
}
