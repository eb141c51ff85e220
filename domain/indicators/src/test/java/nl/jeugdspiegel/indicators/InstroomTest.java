package nl.jeugdspiegel.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import nl.jeugdspiegel.indicators.Instroom.Member;
import nl.jeugdspiegel.indicators.Instroom.Row;
import nl.jeugdspiegel.indicators.Instroom.State;
import org.junit.jupiter.api.Test;

/** The cohort rules of indicators v1.3 on hand-worked cases (days are plain numbers; the half-year is days 100–280). */
class InstroomTest {

    private static final int OPEN = Instroom.OPEN;
    private static final int FIRST = 100;
    private static final int LAST = 280;

    @Test
    void anEpisodeContinuesInAnotherMunicipalityOnTheNextDay() {
        Member m = Instroom.member(
                List.of(new Row(1, "11111111", 120, 200, false), new Row(0, "22222222", 201, 400, true)), FIRST, LAST);
        assertEquals(new Member(1, "11111111", 120, 400, OPEN, true), m);
        // a day in between ends the episode: then the second start is a return
        Member gap = Instroom.member(
                List.of(new Row(1, null, 120, 200, false), new Row(0, null, 202, 400, true)), FIRST, LAST);
        assertEquals(new Member(1, null, 120, 200, 202, false), gap);
    }

    @Test
    void aReturnAfterAGapCountsFromTheHorizonItFallsBefore() {
        Member m = Instroom.member(
                List.of(new Row(3, null, 110, 150, true), new Row(3, null, 400, OPEN, false)), FIRST, LAST);
        assertEquals(new Member(3, null, 110, 150, 400, true), m);
        assertEquals(State.UIT_VOLGENS_PLAN, Instroom.state(m, 181)); // day 291: ended, back only on 400
        assertEquals(State.TERUG, Instroom.state(m, 365)); // day 475
        assertEquals(State.TERUG, Instroom.state(m, 730));
    }

    @Test
    void anOpenEpisodeIsInZorgAtEveryHorizonAndOverlapsMerge() {
        Member m = Instroom.member(
                List.of(
                        new Row(2, null, 130, 500, true),
                        new Row(2, null, 140, OPEN, false),
                        new Row(2, null, 900, 950, true)),
                FIRST,
                LAST);
        assertEquals(new Member(2, null, 130, OPEN, OPEN, false), m);
        for (int h : Instroom.HORIZONS) {
            assertEquals(State.IN_ZORG, Instroom.state(m, h));
        }
    }

    @Test
    void theStartIsAttributedToTheLowestGemeenteAndWithinItToTheLowestAgb() {
        Member m = Instroom.member(
                List.of(
                        new Row(5, "00000001", 150, 200, true),
                        new Row(2, "22222222", 150, 180, true),
                        new Row(2, "11111111", 150, 190, false),
                        new Row(2, null, 150, 170, true)),
                FIRST,
                LAST);
        assertEquals(2, m.gemeente());
        assertEquals("11111111", m.agb());
        // ended on 200 by gemeente 5's trajectory, volgens plan: that is the one that counts
        assertEquals(200, m.end());
        assertTrue(m.volgensPlan());
        assertEquals(State.UIT_VOLGENS_PLAN, Instroom.state(m, 181));
    }

    @Test
    void endedOtherwiseWhenAnyTrajectoryEndingOnTheLastDayDidNotEndVolgensPlan() {
        Member m = Instroom.member(
                List.of(new Row(0, null, 150, 200, true), new Row(0, null, 160, 200, false)), FIRST, LAST);
        assertFalse(m.volgensPlan());
        assertEquals(State.UIT_ANDERS, Instroom.state(m, 181));
    }

    @Test
    void onlyAnEpisodeThatStartsInTheHalfYearMakesAMemberAndTheFirstOneCounts() {
        // in care since before the half-year: no member (the episode started earlier)
        assertNull(Instroom.member(List.of(new Row(0, null, 50, 150, true)), FIRST, LAST));
        // the same episode continued into the half-year: still no member
        assertNull(Instroom.member(
                List.of(new Row(0, null, 50, 99, true), new Row(0, null, 100, 150, true)), FIRST, LAST));
        // ended before, back in the half-year: a member from its return
        assertEquals(
                150,
                Instroom.member(List.of(new Row(0, null, 50, 90, true), new Row(0, null, 150, 160, true)), FIRST, LAST)
                        .start());
        // two episodes starting in the half-year: the first
        Member m = Instroom.member(
                List.of(new Row(0, null, 200, 210, true), new Row(0, null, 120, 130, false)), FIRST, LAST);
        assertEquals(120, m.start());
        assertEquals(200, m.returnStart());
        // starting after the half-year: none
        assertNull(Instroom.member(List.of(new Row(0, null, 281, 300, true)), FIRST, LAST));
    }

    @Test
    void aHorizonIsDueOnlyWhenTheLakeReachesIt() {
        assertTrue(Instroom.due(LAST, 181, LAST + 181));
        assertFalse(Instroom.due(LAST, 181, LAST + 180));
        assertFalse(Instroom.due(LAST, 730, LAST + 729));
    }

    private static List<Member> lengths(int lmax, int... startEnd) {
        List<Member> members = new ArrayList<>();
        for (int k = 0; k < startEnd.length; k += 2) {
            members.add(new Member(0, null, startEnd[k], startEnd[k + 1], OPEN, true));
        }
        return members;
    }

    @Test
    void kaplanMeierMedianWithCensoring() {
        int lmax = 1000;
        // lengths 10 (event), 15 (open at lmax: censored), 20, 20 (events), 30 (censored: ends after lmax)
        List<Member> members = lengths(lmax, 0, 10, 985, OPEN, 0, 20, 0, 20, 970, 1200);
        // S(10) = 4/5; at 20 three are at risk (20, 20, 30): S(20) = 4/5 * 1/3 = 0.27 <= 1/2
        assertEquals(new Instroom.Median(20, true, 3, 5), Instroom.kaplanMeierMedian(members, lmax));
    }

    @Test
    void aSurvivalOfExactlyOneHalfGivesThatTime() {
        // events 10 and 20, censored 30 and 40: S(10) = 3/4, S(20) = 3/4 * 2/3 = 1/2 exactly: the median is 20
        List<Member> members = lengths(1000, 0, 10, 0, 20, 970, OPEN, 960, OPEN);
        assertEquals(new Instroom.Median(20, true, 2, 4), Instroom.kaplanMeierMedian(members, 1000));
    }

    @Test
    void atOneTimeEventsCountBeforeCensorings() {
        // an event at 10, a censoring at 10, an event at 20: with the event first S(10) = 2/3, S(20) = 0: median 20
        // (censoring first would give S(10) = 1/2: median 10)
        List<Member> members = lengths(1000, 0, 10, 990, OPEN, 0, 20);
        assertEquals(20, Instroom.kaplanMeierMedian(members, 1000).days());
    }

    @Test
    void aMedianNotReachedWhileMostAreStillInTheirEpisode() {
        List<Member> members = lengths(1000, 0, 10, 980, OPEN, 970, OPEN, 960, OPEN);
        Instroom.Median median = Instroom.kaplanMeierMedian(members, 1000);
        assertFalse(median.reached());
        assertEquals(1, median.events());
    }
}
