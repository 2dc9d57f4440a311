package io.tickwatch.store;

import io.tickwatch.model.FunnelStatus;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** A WHERE clause built from fixed fragments with bound parameters: user text never enters SQL. */
final class SqlFilter {

    private final List<String> conditions = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();

    static SqlFilter forMessages(String text, String phone, FunnelStatus status, Long since, Long until) {
        SqlFilter f = new SqlFilter();
        if (text != null && !text.isEmpty()) {
            String pattern = "%" + escapeLike(text) + "%";
            f.and("(m.id LIKE ? ESCAPE '\\' OR m.phone LIKE ? ESCAPE '\\')", pattern, pattern);
        }
        if (phone != null) {
            f.and("m.phone = ?", phone);
        }
        if (status != null) {
            f.and("m.status_rank = ?", status.rank());
        }
        if (since != null) {
            f.and("m.first_at >= ?", since);
        }
        if (until != null) {
            f.and("m.first_at < ?", until);
        }
        return f;
    }

    void and(String condition, Object... values) {
        conditions.add(condition);
        params.addAll(List.of(values));
    }

    String where() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    void bind(PreparedStatement ps) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
