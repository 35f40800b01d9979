import InterviewCore
import Testing
@testable import InterviewTUI

/// The frame diff the loop hands the backend: only what changed is sent, and what is
/// sent turns the screen the terminal shows into the frame, wide characters included.
@Suite struct FrameUpdateTests {
    static func canvas(_ rows: [String], width: Int = 12) -> Canvas {
        var canvas = Canvas(width: width, height: rows.count)
        for (y, row) in rows.enumerated() { canvas.put(row, x: 0, y: y, style: Style(.body)) }
        return canvas
    }

    @Test func aFirstFrameIsWholeAndTheNextSendsOnlyWhatChanged() {
        let first = Self.canvas(["hello", "world"])
        let whole = FrameUpdate(from: nil, to: first)
        #expect(whole.whole)
        #expect(whole.changes.count == 24, "every cell of a 12×2 screen")
        var next = first
        next.put("w", x: 0, y: 1, style: Style(.warning))  // the same letter, another style
        let update = FrameUpdate(from: first, to: next)
        #expect(!update.whole)
        #expect(update.changes == [FrameUpdate.Change(x: 0, y: 1, cell: Cell("w", Style(.warning)))])
        #expect(FrameUpdate(from: next, to: next).changes.isEmpty, "an unchanged frame sends no cell")
    }

    @Test func aNewSizeIsWhole() {
        let update = FrameUpdate(from: Self.canvas(["hello"]), to: Self.canvas(["hello"], width: 13))
        #expect(update.whole && update.changes.count == 13)
    }

    /// A wide character whose right half was overwritten is sent again, and its right
    /// half never is: the screen the updates make is the frame, cell for cell.
    @Test(arguments: [
        (["日本語 text", "ab"], ["日x語 text", "ab"]),
        (["a日b", "日本"], ["a日c", " 本"]),
        (["abcdef", "日本"], ["ab日ef", "x本"]),
        (["日本日本日本", "x"], ["a日本日本日", "y"]),
    ])
    func theScreenTheUpdatesMakeIsTheFrame(before: [String], after: [String]) {
        let (a, b) = (Self.canvas(before), Self.canvas(after))
        var screen = Canvas(width: 0, height: 0)
        FrameUpdate(from: nil, to: a).apply(to: &screen)
        #expect(screen.text == a.text)
        let update = FrameUpdate(from: a, to: b)
        #expect(update.changes.allSatisfy { !$0.cell.text.isEmpty }, "no half of a wide character is sent")
        update.apply(to: &screen)
        #expect(screen.text == b.text)
        #expect(screen == b)
    }
}
