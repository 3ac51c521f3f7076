#pragma once

#include <QtGlobal>

namespace db {

// The bookkeeping of TableModel's sliding window, as plain arithmetic with no
// rows, no SQL and no Qt model in it, so every edge case has a data-driven test
// that needs no PostgreSQL (tests/unit/db/tst_pagewindow.cpp).
//
// The window holds `loaded` consecutive rows of the relation's order. Whether
// rows exist before and after it is known from the pages read (a keyset read
// asks for one row more than it shows). Keyset paging reads relative to the rows
// at the window's edges. OFFSET paging (no primary key) is anchored at the front
// or the back of the relation: `anchorOffset` counts the rows between that end
// and the window, so reading backwards from the end never needs a count.
class PageWindow
{
public:
    explicit PageWindow(bool keyset = true) : m_keyset(keyset) {}

    bool keyset() const { return m_keyset; }
    bool hasBefore() const { return m_hasBefore; }
    bool hasAfter() const { return m_hasAfter; }
    bool anchoredAtBack() const { return m_anchoredAtBack; }
    qint64 anchorOffset() const { return m_anchorOffset; }

    // An empty window at the start of the relation.
    void resetToStart(bool keyset);
    // An empty window at the end (jump to end): read backwards from there.
    void resetToEnd(bool keyset);
    // An empty window that starts again where the old one did (reload in place).
    void restartAt(bool wasAtStart);

    // OFFSET paging: the slice to read next, in which order. None when the
    // anchor leaves nothing on that side (then that side is marked exhausted).
    struct Slice
    {
        bool none = false;
        qint64 offset = 0;
        qint64 count = 0;
        bool reverse = false; // read in reverse order (the rows are then shown reversed back)
    };
    Slice offsetSlice(bool forward, qint64 loaded, int limit) const;
    // Whether an OFFSET read of `slice` that returned `returned` rows reached the relation's edge.
    static bool offsetExhausted(const Slice &slice, bool forward, qint64 returned);

    // Nothing more on that side (an empty slice, or a failed read).
    void noMore(bool forward);
    // A page of `added` rows was added at that side; `exhausted`: nothing beyond it.
    void pageAdded(bool forward, qint64 added, bool exhausted);
    // How many rows are over the cap.
    static qint64 excess(qint64 loaded, qint64 maxRows) { return loaded > maxRows ? loaded - maxRows : 0; }
    // `removed` rows were dropped at the far side from the one that grew.
    void trimmed(bool grewForward, qint64 removed);

private:
    void reset(bool keyset, bool atEnd);

    bool m_keyset = true;
    bool m_hasBefore = false;
    bool m_hasAfter = true;
    bool m_anchoredAtBack = false;
    qint64 m_anchorOffset = 0;
};

} // namespace db
