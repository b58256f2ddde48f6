package io.github.tandemsync.testkit.salesforce.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * getUpdated and getDeleted (reference §9): windows are truncated to the minute and must span more
 * than one minute; getUpdated looks back 30 days (SystemModstamp), getDeleted 15 days and no
 * further than the delete log reaches ({@code earliestDateAvailable}).
 */
final class ReplicationApi {
  static final Duration UPDATED_LOOKBACK = Duration.ofDays(30);
  static final Duration DELETED_LOOKBACK = Duration.ofDays(15);
  static final int MAX_IDS = 600_000;

  private final Org org;

  ReplicationApi(Org org) {
    this.org = org;
  }

  private record Window(Instant start, Instant end, Instant latestCovered) {}

  private Window window(Call call, Duration lookBack) {
    String startText = call.params.get("start");
    String endText = call.params.get("end");
    if (startText == null || endText == null) {
      throw SfError.request(400, "INVALID_REPLICATION_DATE", "start and end are required");
    }
    Instant start = Formats.parseDateTime(startText).orElseThrow(() ->
        SfError.request(400, "INVALID_REPLICATION_DATE", "start is not a valid dateTime: " + startText)).truncatedTo(ChronoUnit.MINUTES);
    Instant end = Formats.parseDateTime(endText).orElseThrow(() ->
        SfError.request(400, "INVALID_REPLICATION_DATE", "end is not a valid dateTime: " + endText)).truncatedTo(ChronoUnit.MINUTES);
    Instant now = org.now();
    if (!end.isAfter(start.plus(Duration.ofMinutes(1)))) {
      throw SfError.request(400, "INVALID_REPLICATION_DATE", "start (" + Formats.restDateTime(start) + ") must be more than one minute "
          + "before end (" + Formats.restDateTime(end) + ") after truncating seconds");
    }
    if (start.isBefore(now.minus(lookBack))) {
      throw SfError.request(400, "INVALID_REPLICATION_DATE", "start (" + Formats.restDateTime(start) + ") is before the "
          + lookBack.toDays() + "-day limit");
    }
    if (start.isAfter(now)) {
      throw SfError.request(400, "INVALID_REPLICATION_DATE", "start (" + Formats.restDateTime(start) + ") is in the future");
    }
    Instant nowMinute = now.truncatedTo(ChronoUnit.MINUTES);
    Instant covered = end.isAfter(nowMinute) ? nowMinute : end;
    return new Window(start, end, covered);
  }

  ApiResponse updated(Call call, SObjectType type) {
    Window window = window(call, UPDATED_LOOKBACK);
    List<String> ids = org.locked(() -> {
      List<String> list = new ArrayList<>();
      for (Row row : org.store.rows(type)) {
        Instant stamp = row.systemModstamp();
        if (!row.deleted && stamp != null && !stamp.isBefore(window.start()) && stamp.isBefore(window.latestCovered())) {
          list.add(row.id);
        }
      }
      return list;
    });
    if (ids.size() > MAX_IDS) {
      throw SfError.request(400, "EXCEEDED_ID_LIMIT", "the window contains more than " + MAX_IDS + " ids: use a narrower window");
    }
    ObjectNode body = Json.object();
    ArrayNode array = body.putArray("ids");
    ids.forEach(array::add);
    body.put("latestDateCovered", Formats.restDateTime(window.latestCovered()));
    return ApiResponse.json(200, body);
  }

  ApiResponse deleted(Call call, SObjectType type) {
    Window window = window(call, DELETED_LOOKBACK);
    record Deleted(String id, Instant when) {}
    List<Deleted> deleted = new ArrayList<>();
    Instant earliest = org.locked(() -> {
      Instant available = org.deleteLogStart();
      if (window.start().isBefore(available)) {
        throw SfError.request(400, "INVALID_REPLICATION_DATE", "start (" + Formats.restDateTime(window.start())
            + ") is before earliestDateAvailable (" + Formats.restDateTime(available) + "): the delete log was purged; a full "
            + "resync is required");
      }
      for (RecordStore.DeleteLogEntry entry : org.store.deleteLog()) {
        if (entry.type() == type && !entry.deletedDate().isBefore(window.start()) && entry.deletedDate().isBefore(window.latestCovered())) {
          deleted.add(new Deleted(entry.id(), entry.deletedDate()));
        }
      }
      return available;
    });
    if (deleted.size() > MAX_IDS) {
      throw SfError.request(400, "EXCEEDED_ID_LIMIT", "the window contains more than " + MAX_IDS + " ids: use a narrower window");
    }
    ObjectNode body = Json.object();
    ArrayNode array = body.putArray("deletedRecords");
    for (Deleted entry : deleted) {
      ObjectNode item = array.addObject();
      item.put("id", entry.id());
      item.put("deletedDate", Formats.restDateTime(entry.when()));
    }
    body.put("earliestDateAvailable", Formats.restDateTime(earliest));
    body.put("latestDateCovered", Formats.restDateTime(window.latestCovered()));
    return ApiResponse.json(200, body);
  }
}
