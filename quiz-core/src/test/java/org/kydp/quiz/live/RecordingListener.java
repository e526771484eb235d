package org.kydp.quiz.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Keeps what a subscription receives, in order. */
final class RecordingListener implements LiveListener {

    /** One thing received: a state, or an event with the player's own standing. */
    record Received(LiveState state, LiveEvent event, Standing you) {
        long id() {
            return state != null ? state.lastEventId() : event.id();
        }
    }

    private final List<Received> received = new ArrayList<>();
    private boolean ended;

    @Override
    public synchronized void onState(LiveState state) {
        received.add(new Received(state, null, null));
    }

    @Override
    public synchronized void onEvent(LiveEvent event, Optional<Standing> you) {
        received.add(new Received(null, event, you.orElse(null)));
    }

    @Override
    public synchronized void onEnd() {
        ended = true;
    }

    synchronized List<Received> all() {
        return List.copyOf(received);
    }

    synchronized List<LiveEvent> events() {
        return received.stream().filter(r -> r.event() != null).map(Received::event).toList();
    }

    synchronized <T extends LiveEvent> List<T> events(Class<T> type) {
        return received.stream().map(Received::event).filter(type::isInstance).map(type::cast).toList();
    }

    synchronized Standing lastStanding() {
        for (int i = received.size() - 1; i >= 0; i--) {
            if (received.get(i).you() != null) {
                return received.get(i).you();
            }
        }
        return null;
    }

    synchronized boolean ended() {
        return ended;
    }
}
