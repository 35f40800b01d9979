import Foundation
import Testing
@testable import InterviewCore
@testable import InterviewStore
@testable import InterviewReports

/// The HTML scorecard in a real browser: headless Chromium (Debian's `chromium`) takes a
/// screenshot and prints it to PDF, which poppler's `pdfinfo` and `pdftotext` read. A
/// 15-question session prints on at most three A4 pages (the evidence check, the
/// competencies and the timeline took the room of the third), over budget is in the words
/// of the page (not only in its colours), and the chart's text is no smaller than the body's 9pt.
///
/// The page names its print font first, Liberation Sans (Debian's fonts-liberation), so
/// that the page count is the same on every machine; the test checks that the PDF uses no
/// other font. Where Chromium, poppler-utils or that font are missing, they are installed
/// with apt-get when the tests run as root (scripts/test does it first); elsewhere the
/// tests are skipped with a message saying what to install.
@Suite(.serialized) struct PrintedReportTests {
    /// A 15-question interview as people take notes: every question asked, a few notes of a
    /// line each, about half the rubric ticked, a rating, some questions over budget.
    static func fifteenQuestions() throws -> SessionReport {
        let bank = try BankLoader.load("machine-learning")
        #expect(bank.questions.count == 15)
        var engine = SessionEngine(bank: bank, id: "print-15", candidate: "Ada Lovelace", interviewer: "Grace Hopper",
                                   startedAt: ReportFixtures.startedAt)
        var t = 0.0
        for (index, question) in bank.questions.enumerated() {
            if index > 0 { engine.perform(.next, at: t) }
            let seconds = Double(question.timeSeconds) * (index % 4 == 1 ? 1.25 : 0.85)
            for item in question.rubric.indices where (item + index) % 2 == 0 {
                engine.perform(.toggleRubric(item), at: t + 5 + Double(item))
            }
            engine.perform(.setNotes([
                NoteLine(at: 10, text: "Explains it with an example from work -> clear, structured"),
                NoteLine(at: 50, text: "Mentions the trade-offs without being asked; a gap on evaluation"),
                NoteLine(at: 90, text: "Follow-up on edge cases: good answer, a little slow"),
            ]), at: t + 95)
            engine.perform(.rate(index % 4 + 1), at: t + seconds - 2)
            t += seconds
        }
        engine.perform(.wrapUp, at: t)
        engine.perform(.recommend(3), at: t + 10)
        engine.perform(.setClosingNotes([NoteLine(at: 10, text: "Solid fundamentals, strong communication."),
                                         NoteLine(at: 20, text: "Next: a system design round.")]), at: t + 30)
        engine.perform(.end, at: t + 40)
        engine.markEnded(now: ReportFixtures.startedAt.addingTimeInterval(t + 40))
        return SessionReport(try ReportFixtures.roundTrip(engine.snapshot(at: t + 40)), file: "print-15.json")
    }

    @Test func fifteenQuestionsPrintOnThreeA4PagesWithOverBudgetInWords() throws {
        let tools = try Self.tools()
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try Self.fifteenQuestions()
        let over = report.questions.filter(\.overBudget)
        #expect(over.count >= 3)
        let page = folder.appendingPathComponent("scorecard.html")
        try Data(Scorecard.render([report], as: .html).utf8).write(to: page)

        // On screen: a picture with more than one colour.
        let png = folder.appendingPathComponent("screen.png")
        try Self.chromium(tools.chromium, ["--screenshot=\(png.path)", "--window-size=1000,1400", page.absoluteString], in: folder)
        let colours = try Self.distinctColours(png)
        #expect(colours.map { $0.count > 1 } ?? true, "a blank screenshot: \(String(describing: colours)) colours")
        #expect(colours.map(\.hatch) ?? true, "the hatch's ground (#f6d5d3) is on screen: no CSS rule paints over it")

        // On paper.
        let pdf = folder.appendingPathComponent("scorecard.pdf")
        try Self.chromium(tools.chromium, ["--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)", page.absoluteString], in: folder)
        let info = try Self.run(tools.pdfinfo, [pdf.path]).stdout
        let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }
            .flatMap { Int($0.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) }
        #expect(pages.map { (1...3).contains($0) } == true, "\(String(describing: pages)) pages:\n\(info)")
        #expect(info.contains("(A4)"), "\(info)")
        let fonts = Self.fontNames(try Self.run(tools.pdffonts, [pdf.path]).stdout)
        #expect(!fonts.isEmpty && fonts.allSatisfy { $0.hasPrefix("LiberationSans") }, "only the font the page names first: \(fonts)")

        let text = try Self.run(tools.pdftotext, ["-layout", pdf.path, "-"]).stdout
        for q in over {
            let overrun = "+\(Durations.clock(q.elapsedSeconds - q.budgetSeconds)) over"
            #expect(text.contains(overrun), "the chart and the question say \(overrun) in words")
        }
        #expect(text.contains("15. Describe dimensionality"), "the chart's last label")
        #expect(text.contains("Mentions the trade-offs"), "the notes are printed")

        // The chart's words are as tall as the facts' 9pt words ("Candidate") or taller: its
        // header ("(mark)") and its rubric counts ("3/5", printed nowhere else).
        let boxes = try Self.run(tools.pdftotext, ["-bbox", pdf.path, "-"]).stdout
        let heights = Self.wordHeights(boxes)
        let chart = heights.filter { $0.key == "(mark)" || $0.key.wholeMatch(of: /\d\/\d/) != nil }.values.flatMap { $0 }
        let body = heights["Candidate"] ?? []
        #expect(chart.count == 16 && !body.isEmpty, "\(chart.count) words of the chart")
        if let smallest = chart.min(), let bodyHeight = body.max() {
            #expect(smallest >= bodyHeight * 0.99, "chart text \(smallest) pt high, 9pt text \(bodyHeight) pt")
        }
        Self.keep([page, png, pdf])
    }

    /// With `INTERVIEW_PRINT_OUT=DIR`, the page, its screenshot and its PDF are copied to
    /// DIR, for a person to look at.
    static func keep(_ files: [URL]) {
        guard let out = ProcessInfo.processInfo.environment["INTERVIEW_PRINT_OUT"], !out.isEmpty else { return }
        let folder = URL(fileURLWithPath: out, isDirectory: true)
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for file in files {
            let target = folder.appendingPathComponent(file.lastPathComponent)
            try? FileManager.default.removeItem(at: target)
            try? FileManager.default.copyItem(at: file, to: target)
        }
    }

    /// The chart's columns, whatever the browser: the overrun has a column of its own, which
    /// its text fits in, before the rubric's bar; the CSS leaves an over-budget bar its hatch.
    @Test func theOverrunNeverRunsIntoTheRubric() throws {
        let report = try Self.fifteenQuestions()
        let svg = HTMLReport.chart(report, number: 1)
        let coverage = try #require(svg.firstMatch(of: /<rect class="track" x="(\d+)"/).flatMap { Int($0.output.1) })
        var overs = 0
        for match in svg.matches(of: /<text class="value over" x="(\d+)" y="\d+"( textLength="\d+"[^>]*)?>(\+[^<]*over)<\/text>/) {
            overs += 1
            let x = try #require(Int(match.output.1))
            #expect(match.output.2 == nil, "not squeezed: \(match.output.3)")
            #expect(Double(x) + HTMLReport.estimatedWidth(String(match.output.3), bold: true) < Double(coverage))
        }
        #expect(overs == report.questions.filter(\.overBudget).count)
        #expect(!HTMLReport.css.contains("svg .bar {"), "a rule for every bar would paint over the hatch")
        #expect(HTMLReport.css.contains("svg .bar:not(.over) {"))
        #expect(!svg.contains("textLength"), "a usual chart squeezes nothing")
        // An hour over budget still fits, squeezed.
        var long = report
        long.questions[0].elapsedSeconds = 30 * 3600
        long.questions[0].overBudget = true
        let wide = HTMLReport.chart(long, number: 1)
        let overrun = "+\(Durations.clock(30 * 3600 - long.questions[0].budgetSeconds)) over"
        #expect(wide.contains("textLength=\"\(coverage - 470 - 6)\" lengthAdjust=\"spacingAndGlyphs\">\(overrun)</text>"), "\(overrun)")
    }

    @Test func theDebriefPrintsToo() throws {
        let tools = try Self.tools()
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("debrief.html")
        try Data(try DebriefTests.debrief().render(as: .html).utf8).write(to: page)
        let pdf = folder.appendingPathComponent("debrief.pdf")
        try Self.chromium(tools.chromium, ["--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)", page.absoluteString], in: folder)
        let text = try Self.run(tools.pdftotext, ["-layout", pdf.path, "-"]).stdout
        #expect(text.contains("+00:20 over"))
        #expect(text.contains("2 apart: disagree"))
        let info = try Self.run(tools.pdfinfo, [pdf.path]).stdout
        #expect(info.contains("Pages:           1"), "\(info)")
        Self.keep([page, pdf])
    }

    // MARK: - The tools

    struct Tools {
        var chromium: String
        var pdfinfo: String
        var pdftotext: String
        var pdffonts: String
    }

    /// The Debian packages the tools come from.
    static let packages = ["chromium", "poppler-utils", "fonts-liberation"]

    static func find() -> Tools? {
        guard let chromium = ["chromium", "chromium-browser", "google-chrome"].lazy.compactMap(StatsOutputTests.which).first,
              let pdfinfo = StatsOutputTests.which("pdfinfo"), let pdftotext = StatsOutputTests.which("pdftotext"),
              let pdffonts = StatsOutputTests.which("pdffonts"), hasPrintFonts() else { return nil }
        return Tools(chromium: chromium, pdfinfo: pdfinfo, pdftotext: pdftotext, pdffonts: pdffonts)
    }

    /// Whether fontconfig knows Liberation Sans, the font the page prints with.
    static func hasPrintFonts() -> Bool {
        guard let fcList = StatsOutputTests.which("fc-list"),
              let families = try? run(fcList, [":", "family"]).stdout else { return false }
        let names = Set(families.split(whereSeparator: { $0 == "\n" || $0 == "," }).map { $0.trimmingCharacters(in: .whitespaces) })
        return names.contains("Liberation Sans")
    }

    /// Chromium, poppler-utils and the print fonts, installed when missing if this runs as
    /// root with apt-get; where they cannot be had, the test is skipped, saying why.
    static func tools() throws -> Tools {
        if let tools = find() { return tools }
        if getuid() == 0, let apt = StatsOutputTests.which("apt-get") {
            print("PrintedReportTests: installing \(packages.joined(separator: ", ")) with apt-get")
            _ = try? run(apt, ["update", "-qq"], timeout: 300)
            _ = try? run(apt, ["install", "-y", "-qq"] + packages, environment: ["DEBIAN_FRONTEND": "noninteractive"], timeout: 600)
            if let tools = find() { return tools }
        }
        try Test.cancel("""
            headless Chromium, poppler-utils (pdfinfo, pdftotext, pdffonts) and the print font (Liberation Sans) \
            are needed: apt-get install \(packages.joined(separator: " "))
            """)
    }

    /// The fonts of `pdffonts` output, without the subset prefix (`AAAAAA+`).
    static func fontNames(_ listing: String) -> [String] {
        listing.split(separator: "\n").dropFirst(2).compactMap { line in
            line.split(separator: " ").first.map { name in String(name.split(separator: "+").last ?? name) }
        }
    }

    /// Headless Chromium, without a sandbox (tests run as root) or a GPU, in a profile of its
    /// own, stopped after a minute.
    static func chromium(_ path: String, _ arguments: [String], in folder: URL) throws {
        let profile = folder.appendingPathComponent("chromium-profile").path
        let result = try run(path, ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                                    "--user-data-dir=\(profile)", "--virtual-time-budget=5000"] + arguments,
                             environment: ["HOME": folder.path], timeout: 60)
        #expect(result.status == 0, "chromium exited \(result.status): \(result.stderr.suffix(2000))")
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs a program to its end, at most `timeout` seconds (then it is killed and this throws).
    @discardableResult
    static func run(_ path: String, _ arguments: [String], environment: [String: String] = [:],
                    timeout: TimeInterval = 30) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardInput = FileHandle.nullDevice
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out"), err = folder.appendingPathComponent("err")
        try Data().write(to: out)
        try Data().write(to: err)
        let outHandle = try FileHandle(forWritingTo: out), errHandle = try FileHandle(forWritingTo: err)
        process.standardOutput = outHandle
        process.standardError = errHandle
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        if process.isRunning {
            process.terminate()
            usleep(500_000)
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            throw Failure(description: "\(path) \(arguments.joined(separator: " ")) did not finish in \(Int(timeout)) s")
        }
        process.waitUntilExit()
        try outHandle.close()
        try errHandle.close()
        return (process.terminationStatus, String(decoding: try Data(contentsOf: out), as: UTF8.self),
                String(decoding: try Data(contentsOf: err), as: UTF8.self))
    }

    /// How many colours the PNG has, decoded by python3 (zlib, the PNG filters), or nil
    /// without python3.
    static func distinctColours(_ png: URL) throws -> (count: Int, hatch: Bool)? {
        guard let python = StatsOutputTests.which("python3") else {
            print("python3 is not installed: the screenshot's colours were not counted")
            return nil
        }
        let script = """
            import struct, sys, zlib
            data = open(sys.argv[1], 'rb').read()
            assert data[:8] == b'\\x89PNG\\r\\n\\x1a\\n', 'not a PNG'
            pos, idat, header = 8, b'', None
            while pos < len(data):
                length, kind = struct.unpack('>I4s', data[pos:pos + 8])
                chunk = data[pos + 8:pos + 8 + length]
                if kind == b'IHDR': header = struct.unpack('>IIBBBBB', chunk)
                if kind == b'IDAT': idat += chunk
                pos += 12 + length
            width, height, depth, colour = header[:4]
            channels = {0: 1, 2: 3, 4: 2, 6: 4}[colour]
            bpp = channels * depth // 8
            raw = zlib.decompress(idat)
            stride = width * bpp
            previous = bytearray(stride)
            colours = set()
            for row in range(height):
                kind = raw[row * (stride + 1)]
                line = bytearray(raw[row * (stride + 1) + 1:(row + 1) * (stride + 1)])
                for i in range(stride):
                    a = line[i - bpp] if i >= bpp else 0
                    b = previous[i]
                    c = previous[i - bpp] if i >= bpp else 0
                    if kind == 1: line[i] = (line[i] + a) & 255
                    elif kind == 2: line[i] = (line[i] + b) & 255
                    elif kind == 3: line[i] = (line[i] + (a + b) // 2) & 255
                    elif kind == 4:
                        p = a + b - c
                        pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                        line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
                if row % 7 == 0:
                    for x in range(0, stride, bpp * 3):
                        colours.add(bytes(line[x:x + bpp]))
                previous = line
            print(len(colours), 1 if bytes([246, 213, 211])[:bpp] in colours or bytes([246, 213, 211, 255]) in colours else 0)
            """
        let result = try run(python, ["-c", script, png.path], timeout: 120)
        #expect(result.status == 0, "python3: \(result.stderr)")
        let fields = result.stdout.split(separator: " ").map { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        guard fields.count == 2, let count = fields[0], let hatch = fields[1] else { return nil }
        return (count, hatch == 1)
    }

    /// The heights (pt) of each word of `pdftotext -bbox` output, by the word.
    static func wordHeights(_ html: String) -> [String: [Double]] {
        var out: [String: [Double]] = [:]
        for match in html.matches(of: /yMin="([0-9.]+)" xMax="[0-9.]+" yMax="([0-9.]+)">([^<]*)<\/word>/) {
            guard let low = Double(match.output.1), let high = Double(match.output.2) else { continue }
            out[String(match.output.3), default: []].append(high - low)
        }
        return out
    }
}
