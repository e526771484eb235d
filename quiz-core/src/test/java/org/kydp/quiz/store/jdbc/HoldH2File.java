package org.kydp.quiz.store.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;

/**
 * Opens the H2 database at the URL {@code args[0]} and keeps it open until its standard input ends: another
 * process holding a store's file, for {@code StorageFailuresTest}.
 */
public final class HoldH2File {

    private HoldH2File() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection connection = DriverManager.getConnection(args[0], "sa", "")) {
            System.out.println("holding");
            System.out.flush();
            while (System.in.read() >= 0) {
                // held until the parent closes our input
            }
        }
    }
}
