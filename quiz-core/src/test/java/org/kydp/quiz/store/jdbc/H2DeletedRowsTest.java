package org.kydp.quiz.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.BitSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.Page;
import org.h2.mvstore.tx.Transaction;
import org.h2.mvstore.tx.TransactionMap;
import org.h2.mvstore.tx.TransactionStore;
import org.h2.util.StringUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Why the statistics delete no row under load: in H2 2.5.252, rows removed through H2's transactions leave leaf
 * pages counted as live in their chunk although the map no longer refers to them, so no rewrite can free those
 * chunks until {@code SHUTDOWN COMPACT}; removed from a plain map, they do not (README, "Benchmarks", Storage). The
 * statistics' pending rows, deleted within a second of being summed, were such rows and kept the file at up to 4.3
 * times its compacted size ({@code H2CompactionTest} then allowed 5); they are now marked summed and their table
 * emptied whole ({@code JdbcStatistics}). When this test fails, H2 no longer does this.
 */
class H2DeletedRowsTest {

    private static final int ROWS = 50_000;

    @TempDir
    Path temp;

    @Test
    void rows_removed_in_a_transaction_leave_pages_counted_live_that_the_map_does_not_refer_to() throws IOException {
        Path file = temp.resolve("transactional.mv.db");
        MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
        TransactionStore transactions = new TransactionStore(store);
        transactions.init();
        Transaction filling = transactions.begin();
        TransactionMap<Long, String> rows = filling.openMap("rows");
        for (long i = 0; i < ROWS; i++) {
            rows.put(i, "row " + i + " " + "-".repeat(20));
        }
        filling.commit();
        store.commit();
        Transaction deleting = transactions.begin();
        TransactionMap<Long, String> same = deleting.openMap("rows");
        for (long i = 0; i < ROWS; i++) {
            same.remove(i);
        }
        deleting.commit();
        store.commit();

        MVMap<Object, Object> map = store.openMap("rows");
        store.commit();
        assertThat(map.size()).isZero();
        assertThat(unreferencedLivePages(store, map, file)).as("pages counted live that the empty map does not "
                + "refer to (H2 2.5.252; when none, the H2CompactionTest bound can go back to 3)").isPositive();
        store.close();
    }

    @Test
    void rows_removed_from_a_plain_map_leave_none() throws IOException {
        Path file = temp.resolve("plain.mv.db");
        MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
        MVMap<Long, String> rows = store.openMap("rows");
        for (long i = 0; i < ROWS; i++) {
            rows.put(i, "row " + i + " " + "-".repeat(20));
        }
        store.commit();
        for (long i = 0; i < ROWS; i++) {
            rows.remove(i);
        }
        store.commit();

        assertThat(unreferencedLivePages(store, rows, file)).isZero();
        store.close();
    }

    /** The map's pages that the chunks' tables of contents count live but that its current tree does not reach. */
    private static int unreferencedLivePages(MVStore store, MVMap<?, ?> map, Path file) throws IOException {
        Set<Long> reachable = new HashSet<>();
        walk(map.getRootPage(), reachable);
        int unreferenced = 0;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            for (Map.Entry<String, String> entry : store.getLayoutMap().entrySet()) {
                if (!entry.getKey().startsWith("chunk.")) {
                    continue;
                }
                Map<String, String> chunk = DataUtils.parseMap(entry.getValue());
                long block = DataUtils.readHexLong(chunk, "block", 0);
                int pages = (int) DataUtils.readHexLong(chunk, "pages", 0);
                int toc = (int) DataUtils.readHexLong(chunk, "toc", 0);
                if (block == 0 || toc == 0) {
                    continue;
                }
                String occupied = chunk.get("occupancy");
                BitSet dead = occupied == null ? new BitSet() : BitSet.valueOf(StringUtils.convertHexToBytes(occupied));
                ByteBuffer tableOfContents = ByteBuffer.allocate(pages * 8);
                channel.read(tableOfContents, block * 4096 + toc);
                tableOfContents.flip();
                int chunkId = Integer.parseInt(chunk.get("chunk"), 16);
                for (int page = 0; page < pages; page++) {
                    long info = tableOfContents.getLong();
                    if (!dead.get(page) && DataUtils.getPageMapId(info) == map.getId()
                            && !reachable.contains(DataUtils.composePagePos(chunkId, info))) {
                        unreferenced++;
                    }
                }
            }
        }
        return unreferenced;
    }

    private static void walk(Page<?, ?> page, Set<Long> into) {
        into.add(page.getPos());
        if (!page.isLeaf()) {
            for (int i = 0; i < page.getRawChildPageCount(); i++) {
                walk(page.getChildPage(i), into);
            }
        }
    }
}
