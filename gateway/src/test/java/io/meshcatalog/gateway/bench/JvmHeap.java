package io.meshcatalog.gateway.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Another JVM's heap, as the JDK's tools read it: used after a full GC (jcmd), and the most used while sampled (jstat). */
final class JvmHeap {

    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private JvmHeap() {}

    /** The JVM's used heap right after a full GC ({@code jcmd <pid> GC.run}, {@code GC.heap_info}); -1 without a pid. */
    static long afterGc(long pid) throws IOException, InterruptedException {
        if (pid < 0) {
            return -1;
        }
        new ProcessBuilder("jcmd", Long.toString(pid), "GC.run")
                .redirectErrorStream(true)
                .start()
                .waitFor();
        Process info = new ProcessBuilder("jcmd", Long.toString(pid), "GC.heap_info")
                .redirectErrorStream(true)
                .start();
        String text = new String(info.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        info.waitFor();
        Matcher used = HEAP_USED.matcher(text);
        return used.find() ? Long.parseLong(used.group(1)) * 1024 : -1;
    }

    /**
     * Samples the JVM's used heap every 100 ms ({@code jstat -gc}: survivor, eden and old generation used) until closed,
     * keeping the most seen: an upper bound of what was live, garbage not yet collected included.
     */
    static final class Peak implements AutoCloseable {

        private final Process jstat;
        private final Thread reader;
        private final AtomicLong most = new AtomicLong(-1);

        Peak(long pid) throws IOException {
            jstat = new ProcessBuilder(List.of("jstat", "-gc", Long.toString(pid), "100"))
                    .redirectErrorStream(true)
                    .start();
            reader = new Thread(this::read, "jstat-" + pid);
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(jstat.getInputStream(), StandardCharsets.UTF_8))) {
                List<String> header = null;
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    List<String> cells = List.of(line.trim().split("\\s+"));
                    if (cells.contains("EU")) {
                        header = cells;
                    } else if (header != null && cells.size() == header.size()) {
                        double used = 0;
                        for (String column : List.of("S0U", "S1U", "EU", "OU")) {
                            used += Double.parseDouble(cells.get(header.indexOf(column)));
                        }
                        long bytes = (long) (used * 1024);
                        most.accumulateAndGet(bytes, Math::max);
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // the JVM or jstat went away: the peak so far stands
            }
        }

        /** The most used heap seen, in bytes; -1 when none was read. */
        long most() {
            return most.get();
        }

        @Override
        public void close() {
            jstat.destroy();
            try {
                reader.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
