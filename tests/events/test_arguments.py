"""Arguments: each candidate's actor and recipient; candidates no party does are dropped."""

from __future__ import annotations


def test_actor_and_recipient_from_the_parse(until):
    (draft,) = until("Soldiers detained four traders near the border.", "events.arguments").drafts
    assert (draft.roles.actor.lower_, draft.roles.recipient.lower_) == ("soldiers", "traders")


def test_nature_does_no_event(until):
    assert until("Floods killed more than 1,000 people in Sindh province.", "events.arguments").drafts == []


def test_a_threat_takes_its_type_from_what_it_is_about(until):
    drafts = until("The government threatened to expel the ambassador.", "events.arguments").drafts
    assert [(d.type, d.mode) for d in drafts] == [("THREATEN", "expel")]


def test_a_part_of_a_place_is_no_party_so_another_trigger_gives_the_recipient(run_text):
    text = "A car bomb blew up beside a convoy on the outskirts of Dera Ismail Khan, killing 7 officers."
    (attack,) = [e for e in run_text(text).events if e.type == "ASSAULT"]
    assert attack.recipient is not None and "officers" in attack.recipient.text


def test_who_died_is_a_victim_not_an_actor(until):
    drafts = until("Officials said 6 residents had died in the shelling.", "events.arguments").drafts
    assert drafts and all(d.roles.actor is None for d in drafts if d.primary.token.lemma_ == "die")


def test_who_breaks_up_a_march_is_not_its_actor(until):
    text = "Riot police fired tear gas to break up a march by several hundred teachers."
    (march,) = [d for d in until(text, "events.arguments").drafts if d.entry.type == "PROTEST"]
    assert march.roles.actor is not None and march.roles.actor.lower_ == "teachers"


def test_the_police_that_report_an_arrest_made_it(until):
    (arrest,) = until("Police said 30 people had been detained overnight.", "events.arguments").drafts
    assert arrest.roles.actor.lower_ == "police"
    (other,) = until("Doctors said 12 protesters had been detained.", "events.arguments").drafts
    assert other.roles.actor is None


def test_a_dateline_is_no_party_and_the_headline_joins_the_ledes_place(run_text):
    text = (
        "Gunmen seize aid worker\n\n"
        "BAMAKO, Mali (Agency) — Gunmen abducted a French aid worker in Gao on Tuesday."
    )
    a = run_text(text, published="2026-01-14")
    places = {p.id: p.name for p in a.places}
    (abduction,) = [e for e in a.events if e.type == "ASSAULT"]
    assert places[abduction.place] == "Gao" and (abduction.actor is None or abduction.actor.text != "BAMAKO")


def test_a_headline_killing_with_no_object_is_passive(until):
    (draft,) = until("Man beaten to death in Savar over a theft", "events.arguments").drafts
    assert (draft.roles.actor, draft.roles.recipient.lower_) == (None, "man")


def test_an_active_killing_keeps_its_actor(until):
    (draft,) = until("Gunmen shot dead a trader in the market.", "events.arguments").drafts
    assert (draft.roles.actor.lower_, draft.roles.recipient.lower_) == ("gunmen", "trader")


def test_a_time_is_no_party(until):
    drafts = until("Tuesday's bombing killed 12 people.", "events.arguments").drafts
    assert all(d.roles.actor is None or d.roles.actor.ent_type_ != "DATE" for d in drafts)


def test_a_hyphenated_dateline_is_no_actor_and_its_apposition_is(until):
    text = "PORT-AU-PRINCE, Haiti (Agency) — Heavily armed gang members attacked the prison on Thursday."
    (draft,) = until(text, "events.arguments").drafts
    assert draft.roles.actor.lower_ == "members"


def test_escapees_recaptured_are_arrested_by_police_not_a_time(run_text):
    article = run_text("By Friday afternoon police had recaptured 17 escapees, a spokesman said.")
    (event,) = article.events
    assert (event.type, event.actor.text, event.size.arrested) == ("COERCE", "police", 17)


def test_a_dateline_the_parser_made_a_second_subject_is_passed_over(until):
    text = (
        "OUAGADOUGOU, Burkina Faso (Agency) — Jihadist fighters ambushed an army convoy escorting supply "
        "trucks towards the town of Djibo on Saturday, killing soldiers, the army said."
    )
    drafts = until(text, "events.arguments").drafts
    ambush = next(d for d in drafts if d.primary.token.lemma_ == "ambush")
    assert ambush.roles.actor.lower_ == "fighters"


def test_they_who_arrested_are_the_police_who_said_so(until):
    text = "Police fired tear gas to clear the streets and said they had arrested 38 people for looting."
    drafts = until(text, "events.arguments").drafts
    arrest = next(d for d in drafts if d.entry.type == "COERCE")
    assert arrest.roles.actor.lower_ == "police"


def test_a_second_past_verb_of_one_subject_is_active(until):
    text = "Riot police fired tear gas at the marchers and arrested 31 of them, a spokesman said."
    drafts = until(text, "events.arguments", "2025-06-10").drafts
    arrest = next(d for d in drafts if d.primary.token.lower_ == "arrested")
    assert arrest.roles.actor is not None and arrest.roles.actor.lower_ == "police"


def test_the_noun_of_a_reduced_relative_is_the_subject(until):
    text = "The army said soldiers sent to the area on Wednesday had clashed with the raiders near Fataki."
    drafts = until(text, "events.arguments", "2025-06-10").drafts
    (clash,) = [d for d in drafts if d.entry.type == "ASSAULT"]
    assert clash.roles.actor.lower_ == "soldiers"


def test_the_city_talks_are_held_in_is_no_party_to_them(until):
    text = (
        "Delegates of Peru's government and the rebel group sat down for formal talks for the first time "
        "on Tuesday in Panama City."
    )
    (talks,) = [d for d in until(text, "events.arguments", "2025-09-08").drafts if d.entry.type == "CONSULT"]
    assert talks.roles.recipient is None


def test_how_a_thing_was_done_is_not_who_did_it(until):
    text = "The two prime ministers were agreed by telephone on a plan to reopen the border crossings."
    drafts = until(text, "events.arguments").drafts
    assert drafts and all(d.roles.actor is None or d.roles.actor.lower_ != "telephone" for d in drafts)


def test_a_toll_is_no_party(until):
    (draft,) = until("Opposition leaders rejected the official toll.", "events.arguments").drafts
    assert (draft.type, draft.roles.actor.lower_, draft.roles.recipient) == ("REJECT", "leaders", None)


def test_trading_fire_is_an_attack(until):
    drafts = until("Indian and Pakistani troops traded fire across the frontier.", "events.arguments").drafts
    assert [(d.type, d.entry.objects >= {"fire"}, d.roles.actor.lower_) for d in drafts] == [
        ("ASSAULT", True, "troops")
    ]


def test_striking_a_target_is_an_attack_striking_a_deal_is_not(until):
    text = "Air force jets struck a rebel convoy near the border on Monday."
    (jets,) = until(text, "events.arguments").drafts
    assert (jets.type, jets.entry.objects >= {"convoy"}, jets.roles.actor.lower_) == ("ASSAULT", True, "jets")
    deal = until("The two parties struck a deal on Friday.", "events.arguments").drafts
    assert all(d.type != "ASSAULT" for d in deal)


def test_a_count_killed_belongs_to_what_the_attack_hit(until):
    text = "Roadside bomb hits army truck near Galkayo, killing at least 4"
    drafts = until(text, "events.arguments").drafts
    assert [d.roles.recipient.lower_ for d in drafts if d.roles.recipient is not None] == ["truck"]


def test_a_participle_of_no_attack_takes_no_object(until):
    text = "The colonel, who took power in 2019 promising to restore order, has ruled by decree since."
    drafts = until(text, "events.arguments").drafts
    assert [d.roles.recipient.lower_ for d in drafts if d.roles.recipient is not None] == []


def test_a_force_spokesperson_reporting_arrests_gives_the_force_as_their_actor(until):
    text = "Police spokeswoman Amina Diallo said two men had died. She said 40 people had been detained."
    (arrest,) = [d for d in until(text, "events.arguments").drafts if d.type == "COERCE"]
    assert arrest.roles.actor is not None and arrest.roles.actor.lower_ == "police"


def test_a_weapons_fire_is_no_nature(until):
    drafts = until("Heavy mortar fire struck the market in Gao on Friday.", "events.arguments").drafts
    assert [(d.type, d.roles.actor.lower_) for d in drafts] == [("ASSAULT", "fire")]
    assert until("A fire destroyed the market in Gao on Friday.", "events.arguments").drafts == []


def test_a_by_agent_hung_on_the_object_of_a_noun_trigger_is_its_doer(until):
    text = "The strike began with a blockade of the port road by taxi drivers on Monday."
    drafts = [d for d in until(text, "events.arguments").drafts if d.primary.token.lower_ == "blockade"]
    assert [(d.roles.actor.lower_, d.roles.recipient) for d in drafts] == [("drivers", None)]
