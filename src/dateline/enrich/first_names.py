"""First names that tell a person's gender, for resolving "he" and "she" to the right person.

Compiled by hand for news: common given names of the English-speaking world, Europe (west, north,
east and the Balkans), Latin America, the Arab world, Turkey and Iran, South Asia and Africa, in the
Latin spellings newsrooms use. Names used for both genders in some country ("Andrea", "Jean", "Kim",
"Nicola", "Simone", "Sasha", "Robin", "Jordan") are left out on purpose: an unknown gender only makes
the resolver fall back to the nearest person, a wrong one sends "she" to the wrong person.
"""

from __future__ import annotations

MALE_FIRST_NAMES = frozenset(
    """
    aaron abdel abdul abdullah abdulrahman abu adam adrian ahmad ahmed aidan alan alastair albert
    alberto aleksandar aleksander aleksandr aleksei alessandro alex alexander alexandre alexei alexey
    alfonso alfred ali alistair amir anders andre andreas andrei andres andrew andrey andriy andrzej
    angus anil anthony antoine anton antonio antony arjun armando arnaud arne arseniy arthur arturo
    arvid arvind ashok augusto axel ayman aziz barack bartosz basil ben benedict benjamin benoit bernard
    bernd bernie bertrand bill billy bjorn bob bogdan bohdan boris brian bruce bruno burak cameron carl
    carlo carlos charles chris christian christoph christophe christopher claude clement colin conor
    constantin craig cristian cyril damian damien dan daniel daniele danilo dario darius dave david
    davide declan denis dennis derek desmond dick diego dieter dimitri dimitris dinesh dirk dmitri
    dmitry dmytro domenico dominic dominik don donald douglas dragan duncan dusan ed eduardo edward
    elias emil emmanuel emre enrico enrique eric erik ernesto ernst erwin esteban etienne eugene evgeny
    fabian fabio faisal farid farouk federico felipe felix ferdinand fernando filip filippo florian
    francesco francis francisco franck francois frank franz fred frederic frederick friedrich gabriel
    gareth gary gaurav geoffrey georg george georgi georgios gerald gerard gerhard gianluca giorgio
    giovanni giuseppe glenn gordon graham grant greg gregor gregory guido guillaume gunnar gustavo hakan
    hamid hamza hank hans harald harry hassan hector heinrich heinz helmut hendrik henri henrik henry
    herbert hernan hiroshi horst howard hugh hugo hussein ian ibrahim igor ilya imran ioannis isaac
    ismail ivan jack jacob jacques jakob jakub james jan janusz jared jason javier jean-claude jean-luc
    jean-marc jean-paul jean-pierre jeb jeff jeffrey jens jeremy jerome jim jimmy joachim joao joaquin
    joe joel johan johann johannes john jon jonas jonathan jorge jose josef joseph josh joshua juan
    julian julien jurgen justin kamal karim karl karol kaspar keir keith ken kenneth kevin khalid kirill
    klaus konrad konstantin krzysztof kurt larry lars laurent lawrence leo leon leonardo leonid leopold
    liam lorenzo louis luc luca lucas luigi luis lukas lukasz luke magnus mahmoud manfred manuel marat
    marc marcel marcin marco marcos marcus mario marius mark marko markus martin massimo mateusz mathieu
    matt matteo matthew matthias maurice mauricio mauro max maxim maxime maximilian mehmet michael
    miguel mikael mike mikhail milan milos miroslav mitch mohamed mohammad mohammed moritz muhammad
    murat mustafa nabil narendra nasser nathan neil nicholas nick nicolas niklas nikola nikolai nikolaos
    nikolay nils noah norbert olaf oleg oleksandr oleksiy oliver olivier omar oscar oskar osman otto
    owen pablo paolo pascal patrick paul pavel pavlo pedro per pete peter petr petro philip philipp
    philippe piero pierre piotr pradeep pranab rafael rahul raj rajesh ralf ralph ramon rashid raul ray
    raymond reza ricardo riccardo richard rick rob robert roberto rodrigo roger roland roman ron ronald
    rudolf rudy rui rustam ryan salman salvatore sam samir samuel sandeep sanjay santiago scott sean
    sebastian sebastien sergei sergey sergio sergiy serhiy seth simon slavko stanislav stefan stefano
    steffen stephan stephane stephen steve steven stuart sunil sven tadeusz tarek ted thabo thierry
    thomas thorsten tiago tim timothy tobias todd tom tomas tomasz tommaso tony torsten travis uday umar
    uwe valentin valery vasily vasyl victor vijay vikram viktor vincent vincenzo vitali vitaliy vittorio
    vladimir vladislav vojtech volker volodymyr vyacheslav walter warren wayne werner wilhelm william
    wojciech wolfgang xavier yaroslav yasser yevgeny yosef youssef yuri yury yusuf zbigniew zoltan zoran
    """.split()
)

FEMALE_FIRST_NAMES = frozenset(
    """
    abigail ada adela adele adriana agata agathe agnes agnieszka aida aigerim aisha alejandra aleksandra
    alenka alessandra alexandra alexia alice alicia alina alisa alla almudena alona amal amalia amanda
    amelia amina amira amy ana ana-maria anais anastasia anastasija anastasiya anca aneta angela
    angelika angelina angelique anita anja anka anke ann anna annalena anne anneliese annette annie
    annika antje antonella antonia ariane asel asma astrid aurelie aurora ayesha barbara barbora beata
    beatrice beatriz benazir betsy bettina bianca birgit blanca bozena brenda bridget brigitta brigitte
    camilla camille candice carine carla carly carmen carole carolina caroline catalina caterina
    catherine cecilia celia celine chantal charlotte chiara chloe christiane christina christine cindy
    claire clara clare clarissa claudia colette condoleezza constance corinna cornelia cristina dagmar
    dalia daniela danuta daria darya deborah delphine denise diana diane dilma diya dolores dominika
    donna dora doris dorota dorothea dorothy edith edyta ekaterina elaine eleanor elena eleni eliane
    elif elin elisa elisabeth elise eliza elizabeth elke ella ellen elsa elvira elzbieta emilia emily
    emine emma erika esra estelle esther eugenia eunice eva evelyn evgenia ewa fabienne farida fatemeh
    fatima fatma federica fernanda fiona flavia florence francesca francoise franziska frauke frida
    gabriela gabriella gabrielle gaelle galina genevieve georgia gertrud gianna giorgia gisele giulia
    gloria grace greta gudrun gwen halina hana hanife hanna hannah hatice heather heidi heike helen
    helena helene helga henrietta hiba hilary hilde hillary hind huda huma ida ilona ilse ines ingrid
    irena irene irina iris irma iryna isabel isabela isabella isabelle isolde ivana ivona jacinda
    jacqueline jadwiga jana jane janet janina jasmine jelena jennifer jessica jill joan joanna johanna
    jolanta josefina josephine josiane joyce judit judith julia juliana julie juliette justyna kamala
    kamila karen karin karina karine karolina karoline katalin katarzyna kate katerina katharina
    katherine kathleen kathrin katja katrin kellyanne khadija klara kornelia kristi kristina krisztina
    lara larisa laura layla lea leila lena leticia lidia liesbeth lilia liliana lina linda lisa liudmila
    liv liz lorena lotte louise lourdes lucia lucie lucja lucy ludmila luisa lydia lyudmila madeleine
    mafalda magda magdalena maja malak malgorzata malika manon manuela mara marcela margaret margarita
    margot margrethe marguerite maria mariam mariana marianne marie marieke marija marina marine marion
    marisol mariya marlene marta martha martina mary maryam mathilde maya megan melania melanie melinda
    mercedes mette mia michaela michelle milena milica mira mirela miriam mirjana monica monika nada
    nadezhda nadia nadine najat nancy naomi natalia natalie natalya natasha nathalie nawal nazanin nela
    nelly nicole nicoletta nikki nilufar nina nora noura nuria oksana olena olesya olga olivia ornella
    palmira pamela paola patricia patrizia paula paulette paulina pauline petra pia pilar polina priya
    rabia rachel raisa ramona rania rebecca regina renata renate rita roberta roksana rosa rosalind
    rosario rosemary roxana rukhsana ruth sabine sabrina sahar salma samantha samira sandra sandrine
    sanja sanna sara sarah seda selin serena severine shabnam sharon shirin sibylle sigrid silke silvia
    simin simona siobhan snezana sofia sofie solange soledad sonia sophia sophie stefania stella
    stephanie susan susana susanne suzanne svenja svetlana sylvia sylvie tamar tamara tanja tanya
    tatiana tatyana teresa tereza theresa thi tina ulrike ursula valentina valeria valerie vanessa vera
    veronica veronika vesna victoria viktoria violeta virginia vivian wanda wilhelmina yana yasmin
    yasmine yelena yevgenia yolanda yulia yuliya zahra zainab zehra zeynep zhanna zinaida zoe zofia zoya
    zuzana
    """.split()
)

__all__ = ["FEMALE_FIRST_NAMES", "MALE_FIRST_NAMES"]
