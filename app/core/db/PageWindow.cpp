#include "db/PageWindow.h"

#include <algorithm>

namespace db {

void PageWindow::resetToStart(bool keyset)
{
    reset(keyset, false);
}

void PageWindow::resetToEnd(bool keyset)
{
    reset(keyset, true);
}

void PageWindow::reset(bool keyset, bool atEnd)
{
    m_keyset = keyset;
    m_hasBefore = atEnd;
    m_hasAfter = !atEnd;
    m_anchoredAtBack = atEnd;
    m_anchorOffset = 0;
}

void PageWindow::restartAt(bool wasAtStart)
{
    m_hasBefore = !wasAtStart;
    m_hasAfter = true;
    m_anchoredAtBack = false;
    m_anchorOffset = 0;
}

PageWindow::Slice PageWindow::offsetSlice(bool forward, qint64 loaded, int limit) const
{
    Slice s;
    const qint64 a = m_anchorOffset;
    s.count = limit;
    s.reverse = !forward;
    if (forward && !m_anchoredAtBack) {
        s.offset = a + loaded; // past the window, counted from the front
    } else if (forward) {
        // Anchored at the back: the rows after the window are the `a` last ones,
        // read from the back in reverse order.
        s.count = std::min<qint64>(limit, a);
        s.offset = a - s.count;
        s.reverse = true;
    } else if (!m_anchoredAtBack) {
        // Before the window, counted from the front.
        s.count = std::min<qint64>(limit, a);
        s.offset = a - s.count;
        s.reverse = false;
    } else {
        s.offset = a + loaded; // before the window, counted from the back
    }
    s.none = s.count <= 0;
    return s;
}

bool PageWindow::offsetExhausted(const Slice &slice, bool forward, qint64 returned)
{
    // Read towards the anchor's end: that end is reached at offset 0.
    if (slice.reverse == forward)
        return slice.offset == 0 || returned < slice.count;
    return returned < slice.count;
}

void PageWindow::noMore(bool forward)
{
    (forward ? m_hasAfter : m_hasBefore) = false;
}

void PageWindow::pageAdded(bool forward, qint64 added, bool exhausted)
{
    if (forward) {
        if (!m_keyset && m_anchoredAtBack)
            m_anchorOffset -= added;
        m_hasAfter = !exhausted;
    } else {
        if (!m_keyset && !m_anchoredAtBack)
            m_anchorOffset -= added;
        m_hasBefore = !exhausted;
    }
}

void PageWindow::trimmed(bool grewForward, qint64 removed)
{
    if (removed <= 0)
        return;
    if (grewForward) {
        if (!m_keyset && !m_anchoredAtBack)
            m_anchorOffset += removed;
        m_hasBefore = true;
    } else {
        if (!m_keyset && m_anchoredAtBack)
            m_anchorOffset += removed;
        m_hasAfter = true;
    }
}

} // namespace db
